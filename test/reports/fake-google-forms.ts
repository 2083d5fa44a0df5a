// A stand-in for the Google Forms API on loopback (forms.get and forms.responses.list, with
// the "timestamp >= / >" filter and paging as Google documents them). googleapis talks to it
// over real HTTP through its rootUrl option.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeQuestion {
  questionId: string;
  title: string;
}

export interface FakeResponse {
  responseId: string;
  lastSubmittedTime: string;
  respondentEmail?: string;
  answers: Record<string, string>; // questionId → answer
}

export class FakeGoogleForms {
  readonly requests: { path: string; query: URLSearchParams; auth?: string }[] = [];
  responses: FakeResponse[] = [];
  pageSize = 2;
  /** true: the form is not shared with the service account (Google's 403). */
  denied = false;
  private server: Server | null = null;
  url = "";

  constructor(
    readonly formId: string,
    readonly questions: FakeQuestion[],
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const u = new URL(req.url ?? "/", "http://x");
      this.requests.push({ path: u.pathname, query: u.searchParams, auth: req.headers.authorization });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== "Bearer test-access-token") return send(401, { error: { code: 401, message: "Request had invalid authentication credentials.", status: "UNAUTHENTICATED" } });
      if (this.denied && u.pathname.startsWith(`/v1/forms/${this.formId}`)) return send(403, { error: { code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED" } });
      if (u.pathname === `/v1/forms/${this.formId}`) {
        return send(200, {
          formId: this.formId,
          info: { title: "Lost device report" },
          items: this.questions.map((q, i) => ({ itemId: `item${i}`, title: q.title, questionItem: { question: { questionId: q.questionId, required: true } } })),
        });
      }
      if (u.pathname === `/v1/forms/${this.formId}/responses`) {
        let list = [...this.responses].sort((a, b) => a.lastSubmittedTime.localeCompare(b.lastSubmittedTime));
        const filter = u.searchParams.get("filter");
        if (filter) {
          const m = /^timestamp\s*(>=|>)\s*(\S+)$/.exec(filter);
          if (!m) return send(400, { error: { code: 400, message: "Invalid filter", status: "INVALID_ARGUMENT" } });
          const at = new Date(m[2]!).getTime();
          list = list.filter((r) => (m[1] === ">" ? new Date(r.lastSubmittedTime).getTime() > at : new Date(r.lastSubmittedTime).getTime() >= at));
        }
        const start = Number(u.searchParams.get("pageToken") ?? 0);
        const size = Math.min(Number(u.searchParams.get("pageSize") ?? 5000), this.pageSize);
        const page = list.slice(start, start + size);
        return send(200, {
          responses: page.map((r) => ({
            formId: this.formId,
            responseId: r.responseId,
            createTime: r.lastSubmittedTime,
            lastSubmittedTime: r.lastSubmittedTime,
            ...(r.respondentEmail ? { respondentEmail: r.respondentEmail } : {}),
            answers: Object.fromEntries(Object.entries(r.answers).map(([qid, value]) => [qid, { questionId: qid, textAnswers: { answers: [{ value }] } }])),
          })),
          ...(start + size < list.length ? { nextPageToken: String(start + size) } : {}),
        });
      }
      send(404, { error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" } });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
