// `npm run bench`: runs every bench/*.ts module (each exports `name` and `run()`, returning
// figures by label) one after another, and prints one table. Not part of `npm test`.
// BENCH_ONLY=<substring> runs only the modules whose name contains it.
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Bench {
  name: string;
  run(): Promise<Record<string, string | number>>;
}

const here = import.meta.dirname;
const only = process.env.BENCH_ONLY;
const files = (await readdir(here)).filter((f) => f.endsWith(".ts") && f !== "run.ts").sort();
const rows: [string, string, string][] = [];

console.log(
  `machine: ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`,
);
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as Partial<Bench> & { default?: Bench };
  const bench = (mod.default ?? mod) as Bench;
  if (typeof bench.run !== "function") continue;
  if (only && !bench.name.includes(only)) continue;
  console.log(`running ${bench.name} …`);
  try {
    const figures = await bench.run();
    for (const [label, value] of Object.entries(figures)) rows.push([bench.name, label, String(value)]);
  } catch (err) {
    rows.push([bench.name, "error", (err as Error).message]);
  }
}

const widths = [0, 1, 2].map((i) =>
  Math.max(...rows.map((r) => r[i]!.length), ["bench", "measure", "value"][i]!.length),
);
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log("\n" + line(["bench", "measure", "value"]));
console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
for (const r of rows) console.log(line(r));
process.exit(0);
