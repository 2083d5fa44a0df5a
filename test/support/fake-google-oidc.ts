// Google's token-signing side on loopback: publishes its public keys as Google does at
// https://www.googleapis.com/oauth2/v1/certs ({"<kid>": "<PEM>"}, with Cache-Control max-age),
// and signs ID tokens (RS256 JWTs) the way Pub/Sub's push authentication presents them:
// iss https://accounts.google.com, aud the subscription's audience, email and email_verified of
// the push service account, iat/exp one hour apart. A second key it does not publish signs
// forgeries.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto";

const b64url = (v: Buffer | string) => Buffer.from(v).toString("base64url");

export class FakeGoogleOidc {
  readonly kid = "fake-kid-1";
  private readonly key = generateKeyPairSync("rsa", { modulusLength: 2048 });
  private readonly stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
  private server: Server | null = null;
  certsUrl = "";
  certRequests = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      if (req.url !== "/oauth2/v1/certs") return void res.writeHead(404).end();
      this.certRequests++;
      const pem = this.key.publicKey.export({ type: "spki", format: "pem" }).toString();
      res
        .writeHead(200, { "content-type": "application/json; charset=UTF-8", "cache-control": "public, max-age=3600" })
        .end(JSON.stringify({ [this.kid]: pem }));
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.certsUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/oauth2/v1/certs`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections?.();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  /** A Pub/Sub push token; `over` changes claims, `forged` signs with a key Google never published. */
  token(claims: { aud: string; email: string } & Record<string, unknown>, opts: { forged?: boolean } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", kid: this.kid };
    const payload = {
      iss: "https://accounts.google.com",
      sub: "1234567890",
      email_verified: true,
      iat: now,
      exp: now + 3600,
      ...claims,
    };
    const signed = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const key: KeyObject = opts.forged ? this.stranger.privateKey : this.key.privateKey;
    return `${signed}.${b64url(createSign("RSA-SHA256").update(signed).sign(key))}`;
  }
}
