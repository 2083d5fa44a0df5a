// Named bearer tokens for machine callers of the alerts API, beside ALERTS_API_TOKEN: each
// sender gets its own, a new one can be issued before the old is revoked (rotation without a
// restart), and the audit log says which sender raised an alert. Only a hash is kept; the token
// is shown once, when it is issued.
import type { Db } from "../db/client.js";
import { audit } from "./audit.js";
import type { Clock } from "./clock.js";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors.js";
import { hashToken, newToken } from "./tokens.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
// lastUsedAt is for "is this sender still calling?", not accounting: one write a minute at most.
const TOUCH_EVERY_MS = 60_000;

export interface ApiTokenInfo {
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export class ApiTokens {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  /** A new token for `name`; the only time it is ever visible. */
  async issue(actor: string, name: string): Promise<string> {
    if (!NAME.test(name)) {
      throw new InvalidInputError(
        `"${name.slice(0, 80)}" is not a token name: use letters, digits, ".", "_" or "-" (up to 63), e.g. jamf-alerts`,
      );
    }
    const { db, clock } = this.deps;
    const token = newToken();
    const now = clock.now();
    await db.$transaction(async (tx) => {
      if (await tx.apiToken.findUnique({ where: { name } }))
        throw new ConflictError(`a token named "${name}" exists: revoke it first or choose another name`);
      await tx.apiToken.create({ data: { name, tokenHash: hashToken(token), createdAt: now } });
      await audit(tx, { actor, action: "api_token.issue", subject: `api_token:${name}`, at: now });
    });
    return token;
  }

  async revoke(actor: string, name: string): Promise<void> {
    const { db, clock } = this.deps;
    const now = clock.now();
    await db.$transaction(async (tx) => {
      const { count } = await tx.apiToken.deleteMany({ where: { name } });
      if (!count) throw new NotFoundError(`no token named "${name.slice(0, 80)}"`);
      await audit(tx, { actor, action: "api_token.revoke", subject: `api_token:${name}`, at: now });
    });
  }

  list(): Promise<ApiTokenInfo[]> {
    return this.deps.db.apiToken.findMany({
      select: { name: true, createdAt: true, lastUsedAt: true },
      orderBy: { name: "asc" },
    });
  }

  /** The sender's name when `token` is a live one; null otherwise. Looked up by its hash, so the
   *  time taken depends on the hash, which a caller cannot steer towards a stored one. */
  async authenticate(token: string): Promise<string | null> {
    const { db, clock } = this.deps;
    const found = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!found) return null;
    const now = clock.now();
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await db.apiToken.updateMany({ where: { id: found.id }, data: { lastUsedAt: now } });
    }
    return found.name;
  }
}
