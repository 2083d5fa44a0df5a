// The module picture, checked on every CI run (npm run depcheck): entry → web / slack / jobs / documents →
// core ← drivers, with db, i18n and lib below everything. No import cycles anywhere.
/** @type {import('dependency-cruiser').IConfiguration} */
const ADAPTERS = "^src/(web|slack|jobs|google|documents)/";
const ENTRY = "^src/(main|app)\\.ts$";

module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", comment: "An import cycle: split the shared part into a module both can import.", from: {}, to: { circular: true } },
    {
      name: "core-knows-no-adapter",
      severity: "error",
      comment: "The core is plain TypeScript over the database: it knows nothing of Slack, HTTP, cron, drivers or configuration.",
      from: { path: "^src/core/" },
      to: { path: ["^src/(web|slack|jobs|google|drivers|documents)/", "^src/(config|app|main)\\.ts$"] },
    },
    {
      name: "core-knows-no-wording",
      severity: "error",
      comment:
        "The core speaks no language: documents with words (the case record's PDF and CSV) are rendered in " +
        "src/documents behind a port the core owns (core/ports/case-documents.ts).",
      from: { path: "^src/core/" },
      to: { path: "^src/i18n/" },
    },
    {
      name: "drivers-see-only-the-port",
      severity: "error",
      comment: "Drivers implement the port the core owns (src/core/ports) and import nothing else of the core, nor any adapter.",
      from: { path: "^src/drivers/" },
      to: { path: ["^src/core/(?!ports/)", ADAPTERS, ENTRY] },
    },
    {
      name: "below-everything",
      severity: "error",
      comment: "db, i18n and lib are the bottom layer: they import nothing of the layers above them.",
      from: { path: ["^src/(db|i18n|lib)/", "^src/log\\.ts$"] },
      to: { path: ["^src/(core|web|slack|jobs|google|drivers|documents)/", "^src/(config|app|main)\\.ts$"] },
    },
    {
      name: "config-is-a-leaf",
      severity: "error",
      comment: "The environment schema reads only db (the URL parser) and lib.",
      from: { path: "^src/config\\.ts$" },
      to: { path: ["^src/(core|web|slack|jobs|google|drivers|documents|i18n)/", ENTRY] },
    },
    {
      name: "adapters-stay-apart",
      severity: "error",
      comment:
        "Web, Slack, jobs and the document renderers each talk to the core, not to one another; app.ts wires them together. " +
        "Allowed: web and jobs use Google Forms' response mapping and poller (src/google), and web uses a driver's " +
        "parser for the webhooks that driver's service sends.",
      from: { path: "^src/(web|slack|jobs|documents)/" },
      to: { path: ["^src/(web|slack|jobs|documents)/", ENTRY], pathNot: ["^src/$1/"] },
    },
    {
      name: "slack-and-jobs-use-no-driver",
      severity: "error",
      comment: "Commands reach drivers through the core's registry only.",
      from: { path: "^src/(slack|jobs|google)/" },
      to: { path: "^src/drivers/" },
    },
    {
      name: "google-is-a-source",
      severity: "error",
      comment: "The Google Forms code maps and fetches responses for the core; it schedules nothing and renders nothing.",
      from: { path: "^src/google/" },
      to: { path: ["^src/(web|slack|jobs|drivers)/", ENTRY] },
    },
    {
      name: "only-core-and-db-touch-prisma",
      severity: "error",
      comment: "Adapters call named core methods; the generated Prisma client is the core's and db's alone.",
      from: { path: "^src/", pathNot: ["^src/(core|db|generated)/"] },
      to: { path: ["^src/generated/", "^node_modules/@prisma/client"] },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^src/generated/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".js"] },
  },
};
