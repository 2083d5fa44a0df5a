// Starts a floor (floor.mjs) as its own process, like the app, and stops it afterwards.
import { spawn } from "node:child_process";
import { SIGNING_SECRET } from "../../test/support/slack-requests.js";

export async function withFloor<T>(kind: "bolt" | "express" | "http", fn: (url: string) => Promise<T>): Promise<T> {
  const proc = spawn(process.execPath, [new URL("./floor.mjs", import.meta.url).pathname, kind], {
    env: { PATH: process.env.PATH ?? "", SLACK_SIGNING_SECRET: SIGNING_SECRET },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((r) => proc.once("exit", r));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout!.once("data", (b: Buffer) => resolve(JSON.parse(b.toString()).url));
      void exited.then(() => reject(new Error(`the ${kind} floor exited before listening`)));
    });
    return await fn(url);
  } finally {
    proc.kill("SIGTERM");
    await exited;
  }
}
