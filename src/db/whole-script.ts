// Prisma's driver adapters run a migration script badly: adapter-pg splits it on every ";"
// (even inside a function body or a comment) and runs the pieces one by one; the PGlite adapter
// does not await it. Sent whole, a script is one simple query, which PostgreSQL runs as one
// implicit transaction: a failing migration leaves nothing half-applied.
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

export function runScriptsWhole<A extends SqlDriverAdapter>(adapter: A, run: (script: string) => Promise<unknown>): A {
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (err) {
      // The adapter's own error translation, so callers see the same error shape as for a query.
      (adapter as unknown as { onError(e: unknown): never }).onError(err);
    }
  };
  return adapter;
}
