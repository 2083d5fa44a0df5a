// The certificate CLI, as an administrator on the server runs it: a real process, a database on
// disk, a real certificate for the request it wrote, and the refusal for a stranger's key.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { certificateForCsr, certificateForStrangerKey, newTopic } from "./support.js";
import { runCli } from "../support/cli.js";

describe("npm run cert", () => {
  it("writes a CSR, then installs Apple's certificate for it and refuses one for another key", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cert-cli-"));
    try {
      const env = {
        ...process.env,
        DATABASE_URL: path.join(dir, "db"),
        SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("hex"),
        LOG_LEVEL: "error",
      };
      const run = (...args: string[]) => runCli("scripts/cert.ts", args, env);

      const csr = await run(
        "csr",
        "--email",
        "it@corp.example",
        "--name",
        "IT Department",
        "--apple-id",
        "mdm-push@corp.example",
        "--out",
        dir,
      );
      expect(csr.code).toBe(0);
      expect(csr.out).toContain("push-csr.pem");
      expect(csr.out).toContain("mdm-push@corp.example");
      const csrPem = await readFile(path.join(dir, "push-csr.pem"), "utf8");

      const topic = newTopic();
      await writeFile(path.join(dir, "stranger.pem"), certificateForStrangerKey(topic, new Date()));
      const refused = await run("upload", path.join(dir, "stranger.pem"));
      expect(refused.code).toBe(1);
      expect(refused.err).toContain("does not match the private key");

      await writeFile(path.join(dir, "apple.pem"), certificateForCsr(csrPem, topic, new Date()));
      const installed = await run("upload", path.join(dir, "apple.pem"));
      expect(installed).toMatchObject({ code: 0 });
      expect(installed.out).toContain(`installed: topic ${topic}`);

      const db = await openDatabase({ kind: "pglite", dir: path.join(dir, "db") });
      try {
        const renewal = await db.prisma.renewal.findFirstOrThrow({ where: { kind: "PUSH_CERTIFICATE" } });
        expect(renewal.topic).toBe(topic);
        expect(renewal.renewedBy).toBe("cli:cert");
        const request = await db.prisma.pushCertificateRequest.findFirstOrThrow();
        expect(request.encryptedPrivateKey).not.toContain("PRIVATE KEY");
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Three real processes on an embedded database on disk: slow on a busy machine.
  }, 240_000);
});
