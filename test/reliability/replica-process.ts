// A real app replica as a separate OS process (`node --import tsx src/main.ts`), so tests can
// run several against one PostgreSQL and kill them the way an orchestrator does.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { TEST_ENV } from "../support/harness.js";
import { SIGNING_SECRET } from "../support/slack-requests.js";

const root = path.resolve(import.meta.dirname, "../..");

export interface Replica {
  proc: ChildProcess;
  pid: number;
  url: string;
  /** "<host>:<pid>": how this replica signs its outbox claims and job runs. */
  lines: string[];
  exited: Promise<number | null>;
  signal(sig: NodeJS.Signals): void;
}

/** nodeArgs: flags for node itself (the benchmark's --cpu-prof). */
export async function startReplica(env: Record<string, string>, nodeArgs: string[] = []): Promise<Replica> {
  const proc = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...TEST_ENV,
      LOG_LEVEL: "info",
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start:\n${lines.join("\n")}`)), 60_000);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        lines.push(line);
        try {
          const j = JSON.parse(line);
          if (j.msg === "listening") {
            clearTimeout(timer);
            resolve(String(j.url));
          }
        } catch {}
      }
    };
    proc.stderr!.on("data", onData);
    proc.stdout!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`replica exited (${code}) before listening:\n${lines.join("\n")}`));
    });
  });
  return { proc, pid: proc.pid!, url, lines, exited, signal: (sig) => void proc.kill(sig) };
}

export async function stopReplica(r: Replica): Promise<void> {
  if (r.proc.exitCode !== null || r.proc.signalCode !== null) return;
  r.signal("SIGKILL");
  await r.exited;
}
