// All certificate work, with node-forge: the key and CSR for Apple's push certificate, the
// vendor-signed request the portal expects, and reading what Apple sends back.
import forge from "node-forge";
import { build as buildPlist } from "plist";
import { CertificateRefusedError } from "./refusal.js";

/** The subject attribute Apple puts the push topic in (UID, 0.9.2342.19200300.100.1.1). */
export const UID_OID = "0.9.2342.19200300.100.1.1";
const TOPIC_PREFIX = "com.apple.mgmt.";

export interface CsrSubject {
  email: string;
  name: string;
  /** ISO 3166 two-letter code, e.g. JP. */
  country: string;
}

export function generateKeyAndCsr(subject: CsrSubject): { privateKeyPem: string; csrPem: string } {
  // forge uses Node's native generator when present, so 2048 bits take milliseconds.
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = keys.publicKey;
  csr.setSubject([
    { name: "commonName", value: subject.name },
    { name: "emailAddress", value: subject.email },
    { name: "countryName", value: subject.country },
  ]);
  csr.sign(keys.privateKey, forge.md.sha256.create());
  return {
    privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey),
    csrPem: forge.pki.certificationRequestToPem(csr),
  };
}

/**
 * The request Apple's Push Certificates Portal takes from an MDM vendor: a plist with the CSR,
 * the vendor's certificate chain and the vendor's signature over the CSR, all base64-encoded.
 */
export function vendorSignedRequest(csrPem: string, vendorCertPem: string, vendorKeyPem: string): string {
  const csrDer = forge.asn1
    .toDer(forge.pki.certificationRequestToAsn1(forge.pki.certificationRequestFromPem(csrPem)))
    .getBytes();
  const vendorKey = forge.pki.privateKeyFromPem(vendorKeyPem);
  const md = forge.md.sha256.create();
  md.update(csrDer);
  const signature = vendorKey.sign(md);
  const chain = pemBlocks(vendorCertPem, "CERTIFICATE").join("\n");
  const body = buildPlist({
    PushCertRequestCSR: forge.util.encode64(csrDer),
    PushCertCertificateChain: chain,
    PushCertSignature: forge.util.encode64(signature),
  });
  return Buffer.from(body, "utf8").toString("base64");
}

export interface PushCertificateFacts {
  pem: string;
  topic: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  subject: string;
  /** Hex modulus of the certificate's public key, to find the CSR it answers. */
  modulus: string;
}

/** Reads an uploaded file as Apple's push certificate, or refuses it saying why. */
export function readPushCertificate(filename: string, content: Buffer, now: Date): PushCertificateFacts {
  const text = content.toString("utf8").trim();
  if (/\.json$/i.test(filename) || text.startsWith("{")) {
    throw new CertificateRefusedError(
      "json_file",
      "This is a .json file, not the .pem certificate. The browser saved Apple's download under the wrong name: download it again from the Push Certificates Portal (another browser helps) and upload the .pem.",
    );
  }
  if (text.includes("BEGIN CERTIFICATE REQUEST")) {
    throw new CertificateRefusedError(
      "csr_not_certificate",
      "This is the certificate request (CSR) you send to Apple, not the certificate Apple sends back. Upload the .pem downloaded from the Push Certificates Portal.",
    );
  }
  const cert = parseCertificate(text, content);
  const topic = cert.subject.getField({ type: UID_OID })?.value as string | undefined;
  if (!topic?.startsWith(TOPIC_PREFIX)) {
    throw new CertificateRefusedError(
      "not_push_certificate",
      "This certificate is not an MDM push certificate from Apple (its subject has no com.apple.mgmt topic).",
    );
  }
  const facts: PushCertificateFacts = {
    pem: forge.pki.certificateToPem(cert),
    topic,
    serial: cert.serialNumber,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    subject: cert.subject.attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${a.value}`).join(", "),
    modulus: (cert.publicKey as forge.pki.rsa.PublicKey).n.toString(16),
  };
  if (facts.notAfter.getTime() <= now.getTime()) {
    throw new CertificateRefusedError(
      "expired",
      `This certificate expired on ${facts.notAfter.toISOString().slice(0, 10)}. Renew it in the Push Certificates Portal and upload the new .pem.`,
      { notAfter: facts.notAfter.toISOString() },
    );
  }
  return facts;
}

function parseCertificate(text: string, raw: Buffer): forge.pki.Certificate {
  try {
    if (text.includes("BEGIN CERTIFICATE")) return forge.pki.certificateFromPem(pemBlocks(text, "CERTIFICATE")[0]!);
    return forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(raw.toString("binary"))));
  } catch {
    throw new CertificateRefusedError(
      "not_certificate",
      "This file is not a certificate. Upload the .pem file Apple's Push Certificates Portal gives you.",
    );
  }
}

export function publicModulusOfCsr(csrPem: string): string {
  return (forge.pki.certificationRequestFromPem(csrPem).publicKey as forge.pki.rsa.PublicKey).n.toString(16);
}

export function publicModulusOfKey(privateKeyPem: string): string {
  return (forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey).n.toString(16);
}

function pemBlocks(text: string, label: string): string[] {
  const re = new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`, "g");
  return text.match(re) ?? [];
}
