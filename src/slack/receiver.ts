// Slack's 3 seconds are for the answer "received", and for most payloads that answer is an empty
// 200. Those are answered here on arrival — after Bolt's signature check, before any database
// work — and handed to Bolt afterwards through a bounded queue, so a busy replica's backlog
// delays the work, never the ack (and Slack never retries a delivery we already have).
// Payloads whose answer carries something (modal validation errors, select-menu options) still
// wait for their listener, as Bolt does by default. Transport only: no listener knows about this.
// While the database is away, every request is refused with 503 and Retry-After instead: Slack
// then retries an event and shows the person who clicked or typed that it failed — an empty 200
// would promise work that cannot be done, and nothing would retry it.
import { ExpressReceiver, type App, type ExpressReceiverOptions } from "@slack/bolt";
import type { Request, Response } from "express";
import { cleanDeep } from "../core/text/unstorable.js";
import { RETRY_AFTER_S } from "../db/unreachable.js";
import { type EdgeOptions, renderForSlack } from "./edge.js";
import { log } from "../log.js";
import { WorkQueue } from "./work-queue.js";

type Body = Record<string, unknown>;

/** Payloads whose ack has no body: slash commands, clicks, shortcuts, events, closed modals. */
export function acksEmpty(body: Body): boolean {
  if (typeof body.command === "string") return true;
  return ["block_actions", "shortcut", "message_action", "event_callback", "view_closed"].includes(body.type as string);
}

export class PromptAckReceiver extends ExpressReceiver {
  private boltApp?: App;

  constructor(
    options: ExpressReceiverOptions,
    readonly work = new WorkQueue(8, 5000),
    private readonly databaseReachable: () => Promise<boolean> = async () => true,
    private readonly edge: EdgeOptions = {},
  ) {
    super(options);
  }

  override init(bolt: App): void {
    super.init(bolt);
    this.boltApp = bolt;
  }

  override async requestHandler(req: Request, res: Response): Promise<void> {
    // Signed by Slack, typed by people: NUL and lone surrogates (which PostgreSQL cannot store)
    // are dropped here once, for every listener, and the rest is kept.
    if (!(await this.databaseReachable())) {
      log.warn("database unreachable: Slack request answered 503", {});
      res.status(503).set("Retry-After", String(RETRY_AFTER_S)).json({ error: "database_unavailable" });
      return;
    }
    req.body = cleanDeep(req.body ?? {});
    const body = req.body as Body;
    const app = this.boltApp;
    // A full queue means this replica is far behind: answer as Bolt would, after the listener.
    if (!app || !acksEmpty(body) || !this.work.hasRoom()) {
      // The ack's content (a modal's update or errors, select options) goes to Slack in this
      // HTTP reply: through the edge like every other payload.
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk === "string" && chunk.startsWith("{")) {
          try {
            chunk = JSON.stringify(renderForSlack(JSON.parse(chunk), this.edge));
          } catch {
            /* not JSON: sent as it is */
          }
        }
        return end(chunk, ...rest);
      }) as typeof res.end;
      return super.requestHandler(req, res);
    }
    res.status(200).end();
    const retryNum = Number(req.get("x-slack-retry-num"));
    const event = {
      body,
      ack: ackAlreadySent(body),
      retryNum: Number.isInteger(retryNum) ? retryNum : undefined,
      retryReason: req.get("x-slack-retry-reason"),
      customProperties: {},
    };
    this.work.push(() => app.processEvent(event));
  }
}

/** The listener's ack(): Slack already has its empty 200, so an ack with content is a bug to see. */
function ackAlreadySent(body: Body) {
  return async (response?: unknown): Promise<void> => {
    if (response !== undefined && response !== "") {
      log.error("ack content dropped: this payload was acked on arrival; reply with respond() instead", {
        type: String(body.type ?? body.command),
      });
    }
  };
}
