// A command-line script run as an administrator runs it on the server: a real node process with
// tsx's loader, its exit code and output kept whether it succeeded or not.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], { env })
    .then((r) => ({ code: 0, out: r.stdout, err: r.stderr }))
    .catch((e) => ({ code: e.code as number, out: e.stdout as string, err: e.stderr as string }));
}
