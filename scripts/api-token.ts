// npm run api-token -- create <name> | list | revoke <name>: named bearer tokens for the alerts
// API (POST /api/alerts), besides ALERTS_API_TOKEN. A new token is printed once; only its hash
// is stored. Runs against DATABASE_URL; the audit log records the change as "cli:api-token".
import { ConfigError } from "../src/config.js";
import { DomainError } from "../src/core/errors.js";
import { withCliCore } from "./cli-core.js";

const USAGE = "usage: npm run api-token -- create <name> | list | revoke <name>";
const [action, name] = process.argv.slice(2);
const actor = "cli:api-token";

if (!(action === "list" || ((action === "create" || action === "revoke") && name))) {
  console.error(USAGE);
  process.exit(2);
}

try {
  await withCliCore(async ({ core }) => {
    if (action === "create") {
      const token = await core.apiTokens.issue(actor, name!);
      console.log(`token for ${name} (shown once; store it in the sender's secret store):\n${token}`);
      console.log(`use it as: Authorization: Bearer <token> on POST /api/alerts`);
    } else if (action === "revoke") {
      await core.apiTokens.revoke(actor, name!);
      console.log(`revoked ${name}: requests with its token now get 401`);
    } else {
      const tokens = await core.apiTokens.list();
      if (!tokens.length) console.log("no named tokens (ALERTS_API_TOKEN, if set, still works)");
      for (const t of tokens) {
        console.log(
          `${t.name}\tissued ${t.createdAt.toISOString()}\tlast used ${t.lastUsedAt?.toISOString() ?? "never"}`,
        );
      }
    }
  });
} catch (err) {
  if (err instanceof DomainError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
