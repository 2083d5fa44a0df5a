// Anti-forgery for the form, without JavaScript or server sessions: a signed double-submit
// token. GET /report sets a cookie and a hidden field with the same "<issued>.<nonce>.<mac>";
// POST must carry both, equal, correctly signed and not too old. The nonce also names the
// submission: a replayed post is recognised by it (InboundReceipt "form:<nonce>"), and the
// status token is derived from it, so a double-click shows the same receipt and link.
import { createHmac, randomBytes } from "node:crypto";
import { safeEqual } from "../../lib/safe-equal.js";

export const CSRF_COOKIE = "lr_csrf";
const MAX_AGE_MS = 4 * 3_600_000;

export class FormTokens {
  constructor(private readonly secret: Buffer) {}

  issue(now: Date): string {
    const body = `${now.getTime().toString(36)}.${randomBytes(18).toString("base64url")}`;
    return `${body}.${this.mac(`csrf:${body}`)}`;
  }

  /** The nonce when the token is genuine, matches the cookie and is fresh; else null. */
  verify(field: unknown, cookie: string | undefined, now: Date): string | null {
    if (typeof field !== "string" || !cookie || field.length > 200 || !safeEqual(field, cookie)) return null;
    const m = /^([0-9a-z]+)\.([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]+)$/.exec(field);
    if (!m) return null;
    const [, issued, nonce, mac] = m;
    if (!safeEqual(mac!, this.mac(`csrf:${issued}.${nonce}`))) return null;
    const age = now.getTime() - parseInt(issued!, 36);
    if (!(age >= -60_000 && age <= MAX_AGE_MS)) return null;
    return nonce!;
  }

  /** The report's status token for this submission: unguessable without the server secret. */
  statusToken(nonce: string): string {
    return this.mac(`status:${nonce}`);
  }

  private mac(s: string): string {
    return createHmac("sha256", this.secret).update(s).digest("base64url");
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}
