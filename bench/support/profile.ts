// Reads a V8 CPU profile (node --cpu-prof) and sums self time by where the code lives: Prisma,
// the pg driver, HTTP (node:http, express and its middleware), JSON, our own code, garbage
// collection, idle. What the README says about where a check-in's time goes comes from this.
import { readFile } from "node:fs/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
}

const CATEGORIES: [string, (fn: string, url: string) => boolean][] = [
  ["idle (waiting for I/O)", (fn) => fn === "(idle)"],
  ["garbage collection", (fn) => fn === "(garbage collector)"],
  ["Prisma (client, query compiler, adapter)", (_, u) => /@prisma|prisma\/|generated\/prisma|pglite-prisma/.test(u)],
  ["pg driver (protocol, parsing rows)", (_, u) => /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-)/.test(u)],
  ["PGlite (WASM PostgreSQL)", (_, u) => /@electric-sql\/pglite/.test(u)],
  [
    "socket writes (HTTP answers and pg queries, writev)",
    (fn, u) => !u && /^(writev|writeBuffer|writeUtf8String|writeLatin1String|writeAsciiString)$/.test(fn),
  ],
  ["crypto (token hash)", (_, u) => /node:internal\/crypto/.test(u)],
  ["JSON parse / stringify", (fn) => /^(parse|stringify)$/.test(fn) || /JSON/.test(fn)],
  [
    "HTTP (node:http, net, express, body parsing)",
    (_, u) =>
      /node:(_http|http|net|stream|internal\/(http|stream|streams|net))|node_modules\/(express|body-parser|raw-body|router|finalhandler|send|on-finished|qs|iconv|content-type|type-is|debug)/.test(
        u,
      ),
  ],
  ["zod (input validation)", (_, u) => /node_modules\/zod/.test(u)],
  ["our code (src/)", (_, u) => /\/src\//.test(u) && !/node_modules/.test(u)],
  ["tsx loader, other modules", (_, u) => /node_modules/.test(u)],
  ["Node internals, other", () => true],
];

export interface ProfileSummary {
  totalMs: number;
  /** Busy time (not idle) by category, largest first, with its share of the busy time. */
  categories: { name: string; ms: number; share: number }[];
  /** The functions with the most self time. */
  top: { fn: string; where: string; ms: number }[];
}

/** lastMs: only the samples of the profile's last lastMs (the measured load, not start-up). */
export async function summariseProfile(file: string, topN = 10, lastMs = Infinity): Promise<ProfileSummary> {
  const p = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const self = new Map<number, number>();
  const total = p.timeDeltas.reduce((a, b) => a + b, 0);
  let at = 0;
  for (const [i, id] of p.samples.entries()) {
    at += p.timeDeltas[i] ?? 0;
    if (total - at > lastMs * 1000) continue;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, { fn: string; where: string; us: number }>();
  let sum = 0;
  for (const node of p.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    sum += us;
    const { functionName: fn, url } = node.callFrame;
    const category = CATEGORIES.find(([, test]) => test(fn, url))![0];
    byCategory.set(category, (byCategory.get(category) ?? 0) + us);
    if (fn === "(idle)" || fn === "(program)") continue;
    const where = url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(src|bench)\//, "$1/");
    const key = `${fn}@${where}:${node.callFrame.lineNumber}`;
    const entry = byFunction.get(key) ?? {
      fn: fn || "(anonymous)",
      where: `${where}:${node.callFrame.lineNumber + 1}`,
      us: 0,
    };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const idle = byCategory.get("idle (waiting for I/O)") ?? 0;
  const busy = sum - idle;
  return {
    totalMs: Math.round(sum / 1000),
    categories: [...byCategory]
      .filter(([name]) => !name.startsWith("idle"))
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: busy ? us / busy : 0 })),
    top: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((f) => ({ fn: f.fn, where: f.where, ms: Math.round(f.us / 1000) })),
  };
}

if (process.argv[1]?.endsWith("profile.ts")) {
  const s = await summariseProfile(process.argv[2]!, Number(process.argv[3] ?? 25));
  console.log(JSON.stringify(s, null, 2));
}
