// The key that signs form tokens and derives status links. Every replica must share it, so it
// comes from configuration; a random one (one replica, links die with a restart) is the last resort.
import { createHmac, randomBytes } from "node:crypto";
import type { Config } from "../../config.js";
import { log } from "../../log.js";

export function portalSecret(config: Config): Buffer {
  if (config.PORTAL_SECRET) return Buffer.from(config.PORTAL_SECRET, "utf8");
  if (config.SECRET_ENCRYPTION_KEY)
    return createHmac("sha256", config.SECRET_ENCRYPTION_KEY).update("lostdesk-portal").digest();
  log.warn(
    "PORTAL_SECRET is not set: report forms open before a restart will ask to be sent again; set it on every replica",
  );
  return randomBytes(32);
}
