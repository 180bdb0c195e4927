// A web push service on https://127.0.0.1 for the browser tests, standing in for the browser
// vendor's: it takes what the server pushes to a device's endpoint and decrypts it with that
// device's keys, as the browser would. A headless browser with no network cannot subscribe to a
// real push service, so a test subscribes a device of this service through the API, as the PWA
// does with the subscription its browser gives it. The certificate is the one playwright.config.ts
// made and told the server to trust.
import { createECDH, randomBytes, type ECDH } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
// http_ece has no types; decrypt is all this uses.
// @ts-expect-error untyped module
import ece from "http_ece";

type Decrypt = (
  body: Buffer,
  options: { version: string; privateKey: ECDH; authSecret: string },
) => Buffer;
const decrypt = (ece as { decrypt: Decrypt }).decrypt;

export type Pushed = { device: string; text: string; authorization: string };

export class PushService {
  readonly received: Pushed[] = [];
  private readonly devices = new Map<string, { ecdh: ECDH; auth: Buffer }>();

  private constructor(
    private readonly server: Server,
    private readonly port: number,
  ) {}

  static async start(): Promise<PushService> {
    const dir = process.env.E2E_PUSH_TLS_DIR;
    if (!dir)
      throw new Error(
        "E2E_PUSH_TLS_DIR is not set: run the browser tests through playwright.config.ts",
      );
    const server = createServer({
      key: readFileSync(join(dir, "key.pem")),
      cert: readFileSync(join(dir, "cert.pem")),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const service = new PushService(server, (server.address() as AddressInfo).port);
    server.on("request", (req: IncomingMessage, res: ServerResponse) => service.take(req, res));
    return service;
  }

  /** What a push service does with a message: decrypt it for the device, or 404 an unknown one. */
  private take(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const name = (req.url ?? "").split("/").pop() ?? "";
      const device = this.devices.get(name);
      if (!device) return void res.writeHead(404).end();
      const text = decrypt(Buffer.concat(chunks), {
        version: "aes128gcm",
        privateKey: device.ecdh,
        authSecret: device.auth.toString("base64url"),
      }).toString("utf8");
      this.received.push({
        device: name,
        text,
        authorization: String(req.headers.authorization ?? ""),
      });
      res.writeHead(201).end();
    });
  }

  /** A new device: the subscription its browser would hand the PWA. */
  device(name: string) {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.devices.set(name, { ecdh, auth });
    return {
      endpoint: `https://127.0.0.1:${this.port}/push/${name}`,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
    };
  }

  to(device: string): Pushed[] {
    return this.received.filter((p) => p.device === device);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
