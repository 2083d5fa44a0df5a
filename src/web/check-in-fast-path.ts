// The agent check-in answered by node:http itself, ahead of express. It is the one request every
// device sends every few minutes, and express's router walk and body parser cost more CPU than
// the check-in's own statement (README "Benchmarks"; decision 0209). Only a request that is
// plainly an ordinary check-in (POST to the exact path, a UTF-8 JSON body of a declared length
// within the limit, no content encoding) is taken here, before any byte of it is read; every
// other request, odd ones included, goes on to express untouched, and its agent route answers it
// exactly as before. Answers and refusals are the same bytes either way: the same core call, the
// same answer shape (routes/agent.ts) and the same error translation (errors.ts).
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Core } from "../core/index.js";
import { answerFor } from "./errors.js";
import { AGENT_BODY_LIMIT, bearerOf, checkInAnswer } from "./routes/agent.js";
import { setSecurityHeaders } from "./security.js";

const PATH = "/agent/v1/checkin";
const JSON_TYPES = new Set(["application/json", "application/json; charset=utf-8", "application/json;charset=utf-8"]);

/** Whether express would parse this request's body exactly as the fast path does. */
function plainCheckIn(req: IncomingMessage): boolean {
  if (req.method !== "POST" || req.url !== PATH) return false;
  const h = req.headers;
  if (h["transfer-encoding"] !== undefined) return false;
  if (h["content-encoding"] !== undefined && h["content-encoding"].toLowerCase() !== "identity") return false;
  if (!JSON_TYPES.has((h["content-type"] ?? "").toLowerCase())) return false;
  const length = Number(h["content-length"]);
  return Number.isInteger(length) && length >= 0 && length <= AGENT_BODY_LIMIT;
}

/** `behind`: what every other request goes to (express), for whoever lists the routes mounted. */
export type FrontedListener = RequestListener & { behind: RequestListener };

export function checkInFastPath(core: Core, next: RequestListener): FrontedListener {
  const listener: RequestListener = (req, res) => {
    if (!plainCheckIn(req)) return next(req, res);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    // A client that went away mid-body is answered by nobody, as express would not either.
    req.on("error", () => {});
    req.on("end", () => void checkIn(core, req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
  };
  return Object.assign(listener, { behind: next });
}

async function checkIn(core: Core, req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
  try {
    const body = parseBody(raw);
    const commands = await core.agents.checkIn(bearerOf(req.headers.authorization), body);
    send(res, 200, checkInAnswer(commands));
  } catch (err) {
    const answer = answerFor(err, PATH);
    send(res, answer.status, answer.body, answer.headers);
  }
}

// body-parser's own test for the first character: JSON's four whitespace characters only.
const FIRST_CHAR = /^[ \t\n\r]*([^ \t\n\r])/;

/** As express.json (strict) reads it: no bytes is `{}`, a leading BOM is dropped, anything but an object or array is refused. */
function parseBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let text = raw.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = FIRST_CHAR.exec(text)?.[1];
  let value: unknown;
  try {
    if (first !== "{" && first !== "[") throw new SyntaxError("not an object or array");
    value = JSON.parse(text);
  } catch {
    throw Object.assign(new SyntaxError("malformed body"), { status: 400, type: "entity.parse.failed" });
  }
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  setSecurityHeaders(res);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}
