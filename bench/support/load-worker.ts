// The load generator, on its own thread: signing, sending and timing requests must not wait
// behind the fake Slack's work (it answers the app on the main thread), or the bench would
// measure itself rather than the app.
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { SIGNING_SECRET, SlackRequests, type Transport } from "../../test/support/slack-requests.js";

export type LoadKind = "/mdm help" | "block_actions";
export interface LoadRun {
  kind: LoadKind;
  total: number;
  concurrency: number;
  /** response_url ids are `${idPrefix}${i}`. */
  idPrefix: string;
}
/** One request: when it was sent (epoch ms), how long until Slack had its answer, and the status. */
export type LoadResult = { id: string; sentAt: number; ms: number; status: number };

const { url, slackUrl, user } = workerData as { url: string; slackUrl: string; user: string };
// node:http with connections kept open, as Slack's own senders do: cheaper per request than fetch.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const post: Transport = (target, headers, body) =>
  new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
const requests = new SlackRequests(
  url,
  (id) => `${slackUrl}/respond/${id}`,
  SIGNING_SECRET,
  () => Date.now(),
  { transport: post },
);

parentPort!.on("message", async (run: LoadRun) => {
  const results: LoadResult[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: run.concurrency }, async () => {
      while (next < run.total) {
        const id = `${run.idPrefix}${next++}`;
        const sentAt = Date.now();
        const res =
          run.kind === "/mdm help"
            ? await requests.slashCommand({ command: "/mdm", text: "help", user, responseId: id })
            : await requests.blockAction({ user, actionId: "home_refresh", responseId: id });
        results.push({ id, sentAt, ms: res.ms, status: res.status });
      }
    }),
  );
  parentPort!.postMessage(results);
});
