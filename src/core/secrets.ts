// Encryption at rest for the few secrets the app must keep (push-certificate private keys):
// AES-256-GCM with SECRET_ENCRYPTION_KEY, so a database dump alone reveals nothing.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { NotAllowedError } from "./errors.js";

const PREFIX = "aes256gcm:v1";

/** 32 bytes given as base64 or hex; anything else is refused with what to do. */
export function parseEncryptionKey(raw: string | undefined): Buffer {
  if (!raw) {
    throw new NotAllowedError(
      "SECRET_ENCRYPTION_KEY is not set, so a private key cannot be stored safely. Set it to 32 random bytes (base64 or hex) and try again.",
      { reason: "encryption_key_missing" },
      { reason: "secrets.key_missing" },
    );
  }
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) {
    throw new NotAllowedError(
      "SECRET_ENCRYPTION_KEY must be 32 bytes written as base64 or hex.",
      { reason: "encryption_key_invalid" },
      { reason: "secrets.key_invalid" },
    );
  }
  return key;
}

export class SecretBox {
  constructor(private readonly rawKey: string | undefined) {}

  encrypt(plain: string): string {
    const key = parseEncryptionKey(this.rawKey);
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [PREFIX, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
  }

  decrypt(sealed: string): string {
    const key = parseEncryptionKey(this.rawKey);
    const parts = sealed.split(":");
    if (parts.length !== 5 || `${parts[0]}:${parts[1]}` !== PREFIX) throw new Error("not a sealed secret");
    const [iv, tag, body] = parts.slice(2).map((p) => Buffer.from(p, "base64"));
    const decipher = createDecipheriv("aes-256-gcm", key, iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8");
  }
}
