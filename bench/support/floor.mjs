// The floors the bench divides by: the least any app on this machine can do per request.
// `node bench/support/floor.mjs bolt`: a bare Bolt app (its own HTTP receiver, signature
// checked) whose only listener acks `/mdm` and does nothing else; `… express`: a bare express
// app that parses the JSON body and answers `{"commands":[]}`; `… http`: the same from a bare
// node:http handler, as the app's check-in answers (src/web/check-in-fast-path.ts). Prints
// {"url": …} when listening.
import bolt from "@slack/bolt";
import express from "express";

const kind = process.argv[2];
// botId/botUserId given: Bolt would otherwise call auth.test (slack.com) before the first listener.
let server;
if (kind === "bolt") {
  const app = new bolt.App({
    signingSecret: process.env.SLACK_SIGNING_SECRET,
    token: "xoxb-floor",
    tokenVerificationEnabled: false,
    botId: "B_FLOOR",
    botUserId: "U_FLOOR",
    logLevel: bolt.LogLevel.ERROR,
  });
  app.command("/mdm", async ({ ack }) => await ack());
  server = await app.start(0);
} else if (kind === "http") {
  const { createServer } = await import("node:http");
  const s = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      const body = '{"commands":[]}';
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length });
      res.end(body);
    });
  });
  server = await new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
} else {
  const app = express();
  app.post("/agent/v1/checkin", express.json({ limit: "16kb" }), (_req, res) => void res.json({ commands: [] }));
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
}
console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }));
process.on("SIGTERM", () => process.exit(0));
