// What the global setup hands to test files (vitest provide/inject).

export interface TestDatabaseServer {
  /** Superuser (or CREATEDB + CREATEROLE) URL of the maintenance database on the test server. */
  serverUrl: string;
  /** The migrated, provisioned database every test database is cloned from. */
  templateName: string;
  /** The template's app login role: clones keep it (tandem_private.app_login travels with them). */
  appRole: string;
  appPassword: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    tandemDatabaseServer: TestDatabaseServer;
  }
}
