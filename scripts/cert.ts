// npm run cert -- csr --email <a@corp> --name "<Name>" [--country JP] [--apple-id <id>] [--out <dir>]
//   A new 2048-bit key (stored encrypted with SECRET_ENCRYPTION_KEY) and the request for Apple:
//   push-csr.pem, plus push-request.b64 when MDM_VENDOR_CERT_PATH / MDM_VENDOR_KEY_PATH are set.
// npm run cert -- upload <file.pem>
//   Installs the certificate Apple returned, or says plainly why not. Replacing the certificate
//   with one for another topic is refused here: that takes two administrators in Slack.
// Runs against DATABASE_URL, as the system; the admin channel hears about it once Slack delivers.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildCore } from "../src/app.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { SYSTEM } from "../src/core/actors.js";
import { CertificateRefusedError } from "../src/core/certificates/refusal.js";
import { systemClock } from "../src/core/clock.js";
import { DomainError } from "../src/core/errors.js";
import { openDatabase } from "../src/db/client.js";

const USAGE = `usage:
  npm run cert -- csr --email <address> --name "<name>" [--country JP] [--apple-id <Apple ID>] [--out <dir>]
  npm run cert -- upload <file.pem>`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string" },
    name: { type: "string" },
    country: { type: "string" },
    "apple-id": { type: "string" },
    out: { type: "string" },
  },
});
const [command, file] = positionals;
if (!(command === "csr" && values.email && values.name) && !(command === "upload" && file)) {
  console.error(USAGE);
  process.exit(2);
}

const actor = { ...SYSTEM, id: "cli:cert" };
try {
  const config = loadConfig();
  const db = await openDatabase(config.DATABASE_URL);
  try {
    await db.migrate();
    const core = buildCore(config, db, systemClock);
    if (command === "csr") {
      const r = await core.pushCertificates.createRequest(actor, {
        email: values.email!,
        name: values.name!,
        country: values.country ?? "JP",
        appleId: values["apple-id"] ?? null,
      });
      const out = values.out ?? ".";
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, "push-csr.pem"), r.csrPem);
      if (r.signedRequest) await writeFile(path.join(out, "push-request.b64"), r.signedRequest);
      console.log(
        `wrote ${path.join(out, "push-csr.pem")}${r.signedRequest ? ` and ${path.join(out, "push-request.b64")} (vendor-signed, for Apple's portal)` : " (no vendor certificate configured: have your MDM vendor sign it)"}`,
      );
      console.log(
        `next: sign in to https://identity.apple.com/pushcert/ as ${r.appleId ?? "the Apple ID that owns the certificate"}, press Renew (not Create), upload the request, then: npm run cert -- upload <downloaded.pem>`,
      );
    } else {
      const r = await core.pushCertificates.upload(actor, {
        filename: path.basename(file!),
        content: await readFile(file!),
      });
      console.log(
        `${r.renewed ? "renewed" : "installed"}: topic ${r.topic}, serial ${r.serial}, valid until ${r.expiresAt.toISOString()}`,
      );
    }
  } finally {
    await db.close();
  }
} catch (err) {
  if (err instanceof CertificateRefusedError) {
    console.error(`refused: ${err.message}`);
    if (err.reason === "topic_changed")
      console.error("Replacing the certificate needs two administrators: upload it with /mdm cert upload in Slack.");
    process.exit(1);
  }
  if (err instanceof DomainError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  if ((err as NodeJS.ErrnoException).code === "ENOENT") {
    console.error(`no such file: ${file}`);
    process.exit(1);
  }
  throw err;
}
