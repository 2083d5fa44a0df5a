// Generates the Prisma client at install time without any download.
// The Prisma CLI insists on a schema-engine binary before it starts, but `generate` never
// uses it; pointing it at any existing file keeps the CLI from fetching one (the design brief).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
};
const run = spawnSync(process.execPath, [cli, "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env,
});
process.exit(run.status ?? 1);
