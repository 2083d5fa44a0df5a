// `npm run bench`: runs every bench/*.ts module (each exports `name` and `run()`, returning
// figures by label) one after another, and prints one table. Not part of `npm test`.
// BENCH_ONLY=<substring> runs only the modules whose name contains it.
// Each module runs in a fresh child process (this file, forked with the module's file name), so
// no module measures on a heap, event loop or fake Slack that the modules before it have filled.
import { fork } from "node:child_process";
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Bench {
  name: string;
  run(): Promise<Record<string, string | number>>;
}

type Outcome = { name: string; figures: Record<string, string | number> } | { name: string; error: string } | null;

const here = import.meta.dirname;

async function load(file: string): Promise<Bench | null> {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as Partial<Bench> & { default?: Bench };
  const bench = (mod.default ?? mod) as Bench;
  return typeof bench.run === "function" ? bench : null;
}

/** In the child: run one module and send its figures to the parent. */
async function child(file: string): Promise<void> {
  const bench = await load(file);
  const only = process.env.BENCH_ONLY;
  let outcome: Outcome = null;
  if (bench && !(only && !bench.name.includes(only))) {
    console.log(`running ${bench.name} …`);
    try {
      outcome = { name: bench.name, figures: await bench.run() };
    } catch (err) {
      outcome = { name: bench.name, error: (err as Error).message };
    }
  }
  process.send!(outcome, () => process.exit(0));
}

function inChild(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let outcome: Outcome = null;
    // --expose-gc: the memory figures are taken after a collection, not whenever V8 last ran one.
    const proc = fork(import.meta.filename, [file], {
      stdio: "inherit",
      execArgv: [...process.execArgv, "--expose-gc"],
    });
    proc.on("message", (m) => (outcome = m as Outcome));
    proc.on("exit", (code, signal) =>
      resolve(outcome ?? (code === 0 ? null : { name: file, error: `bench process ended (${signal ?? code})` })),
    );
  });
}

async function parent(): Promise<void> {
  const files = (await readdir(here)).filter((f) => f.endsWith(".ts") && f !== "run.ts").sort();
  const rows: [string, string, string][] = [];
  console.log(
    `machine: ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  for (const file of files) {
    const outcome = await inChild(file);
    if (!outcome) continue;
    if ("error" in outcome) rows.push([outcome.name, "error", outcome.error]);
    else for (const [label, value] of Object.entries(outcome.figures)) rows.push([outcome.name, label, String(value)]);
  }
  const widths = [0, 1, 2].map((i) =>
    Math.max(...rows.map((r) => r[i]!.length), ["bench", "measure", "value"][i]!.length),
  );
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log("\n" + line(["bench", "measure", "value"]));
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const r of rows) console.log(line(r));
}

const file = process.argv[2];
if (file) await child(file);
else await parent();
