import type { DemoAccount } from "@tandem/db";

export function printDemoAccounts(accounts: DemoAccount[], log: (line: string) => void): void {
  if (accounts.length === 0) return;
  const width = Math.max(...accounts.map((a) => a.email.length));
  log("");
  log("Demo sign-in details (admin portal at / and the PWA at /app/):");
  for (const account of accounts) {
    log(`  ${account.email.padEnd(width)}  ${account.password}  ${account.description}`);
  }
  log("");
}
