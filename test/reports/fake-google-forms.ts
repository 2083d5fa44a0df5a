// A stand-in for the Google Forms API on loopback (forms.get and forms.responses.list), as
// Google documents and behaves: the only filters are "timestamp > N" / "timestamp >= N" on a
// response's lastSubmittedTime (RFC 3339 Zulu), responses come in no documented order (this
// fake answers newest first, so a client relying on order is caught), an edited response keeps
// its responseId and createTime and gets a new lastSubmittedTime, and responseIds look like the
// Forms API's ("ACYDBN…"), never like Apps Script's FormResponse.getId() ("2_ABaOnu…").
// googleapis talks to it over real HTTP through its rootUrl option.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeQuestion {
  questionId: string;
  title: string;
}

export interface FakeResponse {
  responseId: string;
  createTime?: string;
  lastSubmittedTime: string;
  respondentEmail?: string;
  answers: Record<string, string>; // questionId → answer
}

/** A Forms API responseId: "ACYDBN" and URL-safe base64, as Google issues them. */
export function formsApiResponseId(): string {
  return "ACYDBN" + randomBytes(30).toString("base64url");
}

const RFC3339_ZULU = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/;

export class FakeGoogleForms {
  readonly requests: { path: string; query: URLSearchParams; auth?: string }[] = [];
  responses: FakeResponse[] = [];
  pageSize = 2;
  /** true: the form is not shared with the service account (Google's 403). */
  denied = false;
  private failures: { status: number; onPage?: string; headers?: Record<string, string> }[] = [];
  private server: Server | null = null;
  url = "";

  constructor(
    readonly formId: string,
    readonly questions: FakeQuestion[],
  ) {}

  /** A response submitted now; returns its Forms API responseId. */
  submit(at: string, answers: Record<string, string>, respondentEmail?: string): string {
    const responseId = formsApiResponseId();
    this.responses.push({
      responseId,
      createTime: at,
      lastSubmittedTime: at,
      answers,
      ...(respondentEmail ? { respondentEmail } : {}),
    });
    return responseId;
  }

  /** The respondent edited their response: same id and createTime, new answers and lastSubmittedTime. */
  edit(responseId: string, at: string, answers: Record<string, string>): void {
    const r = this.responses.find((x) => x.responseId === responseId);
    if (!r) throw new Error(`no response ${responseId}`);
    r.createTime ??= r.lastSubmittedTime;
    r.lastSubmittedTime = at;
    r.answers = { ...r.answers, ...answers };
  }

  /** The next responses.list (or the one for page token `onPage`) fails with this status. */
  failNext(status: number, onPage?: string, headers?: Record<string, string>): void {
    this.failures.push({ status, onPage, headers });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const u = new URL(req.url ?? "/", "http://x");
      this.requests.push({ path: u.pathname, query: u.searchParams, auth: req.headers.authorization });
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== "Bearer test-access-token")
        return send(401, {
          error: { code: 401, message: "Request had invalid authentication credentials.", status: "UNAUTHENTICATED" },
        });
      if (this.denied && u.pathname.startsWith(`/v1/forms/${this.formId}`))
        return send(403, {
          error: { code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED" },
        });
      if (u.pathname === `/v1/forms/${this.formId}`) {
        return send(200, {
          formId: this.formId,
          info: { title: "Lost device report" },
          items: this.questions.map((q, i) => ({
            itemId: `item${i}`,
            title: q.title,
            questionItem: { question: { questionId: q.questionId, required: true } },
          })),
        });
      }
      if (u.pathname === `/v1/forms/${this.formId}/responses`) {
        const token = u.searchParams.get("pageToken") ?? undefined;
        const fi = this.failures.findIndex((f) => f.onPage === undefined || f.onPage === token);
        if (fi >= 0) {
          const f = this.failures.splice(fi, 1)[0]!;
          return send(
            f.status,
            {
              error: {
                code: f.status,
                message: "The service is currently unavailable.",
                status: f.status === 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE",
              },
            },
            f.headers,
          );
        }
        let list = [...this.responses].sort(
          (a, b) => Date.parse(b.lastSubmittedTime) - Date.parse(a.lastSubmittedTime),
        );
        const filter = u.searchParams.get("filter");
        if (filter) {
          const m = /^timestamp\s*(>=|>)\s*(\S+)$/.exec(filter);
          if (!m || !RFC3339_ZULU.test(m[2]!))
            return send(400, { error: { code: 400, message: "Invalid filter", status: "INVALID_ARGUMENT" } });
          const at = Date.parse(m[2]!);
          list = list.filter((r) =>
            m[1] === ">" ? Date.parse(r.lastSubmittedTime) > at : Date.parse(r.lastSubmittedTime) >= at,
          );
        }
        const start = Number(token ?? 0);
        const size = Math.min(Number(u.searchParams.get("pageSize") ?? 5000), this.pageSize);
        const page = list.slice(start, start + size);
        return send(200, {
          responses: page.map((r) => ({
            formId: this.formId,
            responseId: r.responseId,
            createTime: r.createTime ?? r.lastSubmittedTime,
            lastSubmittedTime: r.lastSubmittedTime,
            ...(r.respondentEmail ? { respondentEmail: r.respondentEmail } : {}),
            answers: Object.fromEntries(
              Object.entries(r.answers).map(([qid, value]) => [
                qid,
                { questionId: qid, textAnswers: { answers: [{ value }] } },
              ]),
            ),
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
