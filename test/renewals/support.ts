// Real certificates for the renewal tests, made with node-forge: a test CA standing in for Apple,
// Apple-style MDM push certificates (UID=com.apple.mgmt.External.<uuid>, CN=APSP:<uuid>) issued
// for the public key of a stored CSR, and a vendor signing certificate.
import { randomUUID } from "node:crypto";
import forge from "node-forge";
import { UID_OID } from "../../src/core/certificates/forge.js";
import type { TestApp } from "../support/harness.js";
import { until } from "../alerts/support.js";
import { sequence } from "../support/sequence.js";

const nextResponseId = sequence("mdm-");

export { runJob, until, textOf } from "../alerts/support.js";

const DAY = 86_400_000;

function keyPair() {
  return forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
}

const ca = (() => {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date("2020-01-01T00:00:00Z");
  cert.validity.notAfter = new Date("2040-01-01T00:00:00Z");
  const subject = [{ name: "commonName", value: "Test Apple Application Integration CA" }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([{ name: "basicConstraints", cA: true }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { keys, cert };
})();

export const newTopic = () => `com.apple.mgmt.External.${randomUUID()}`;

/** What Apple's portal returns for a CSR: a push certificate for the CSR's public key. */
export function applePushCertificate(opts: {
  publicKey: forge.pki.PublicKey;
  topic: string;
  notBefore: Date;
  notAfter?: Date;
  serial?: string;
}): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = opts.publicKey;
  cert.serialNumber = opts.serial ?? forge.util.bytesToHex(forge.random.getBytesSync(8)).replace(/^[89a-f]/, "1");
  cert.validity.notBefore = opts.notBefore;
  cert.validity.notAfter = opts.notAfter ?? new Date(opts.notBefore.getTime() + 365 * DAY);
  const uuid = opts.topic.slice(opts.topic.lastIndexOf(".") + 1);
  cert.setSubject([
    { type: UID_OID, value: opts.topic, valueTagClass: forge.asn1.Type.UTF8 } as unknown as forge.pki.CertificateField,
    { name: "commonName", value: `APSP:${uuid}` },
    { name: "countryName", value: "US" },
  ]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.sign(ca.keys.privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export function certificateForCsr(csrPem: string, topic: string, notBefore: Date, notAfter?: Date): string {
  return applePushCertificate({
    publicKey: forge.pki.certificationRequestFromPem(csrPem).publicKey!,
    topic,
    notBefore,
    notAfter,
  });
}

/** A certificate for a key nobody stored here (initial setup run twice, another tool's CSR). */
export function certificateForStrangerKey(topic: string, notBefore: Date): string {
  return applePushCertificate({ publicKey: keyPair().publicKey, topic, notBefore });
}

/** An MDM vendor signing certificate and key, as PEM. */
export function vendorIdentity(): { certPem: string; keyPem: string } {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "0a";
  cert.validity.notBefore = new Date("2025-01-01T00:00:00Z");
  cert.validity.notAfter = new Date("2030-01-01T00:00:00Z");
  cert.setSubject([{ name: "commonName", value: "MDM Vendor: Example Corp" }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.sign(ca.keys.privateKey, forge.md.sha256.create());
  return {
    certPem: forge.pki.certificateToPem(cert) + forge.pki.certificateToPem(ca.cert),
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}

/** /mdm from `user`, waiting for the reply the command sends after its ack. */
export async function mdm(t: TestApp, user: string, text: string): Promise<{ text: string; blocks?: any[] }> {
  const responseId = nextResponseId();
  const res = await t.requests.slashCommand({ command: "/mdm", text, user, responseId });
  if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
  const reply = await until(() => t.slack.responses.find((r) => r.id === responseId));
  return reply.body;
}

/** Uploads a file through the /mdm cert upload modal and returns the DM the admin gets back. */
export async function uploadThroughModal(
  t: TestApp,
  user: string,
  callbackId: string,
  file: { name: string; content: string },
  privateMetadata = "C_ADMIN",
) {
  const fileId = t.slack.addFile(file);
  const before = t.slack.posts(user).length;
  const res = await t.requests.viewSubmission({
    user,
    callbackId,
    privateMetadata,
    values: { file: { file: { files: [{ id: fileId, name: file.name }] } } },
  });
  if (res.status !== 200) throw new Error(`view submission answered ${res.status}`);
  return until(() => t.slack.posts(user)[before]);
}
