// The pull alternative to the Apps Script: every few minutes, list the form's responses
// submitted since the last run (forms.responses.list, "timestamp >=" on lastSubmittedTime) and
// import each. The first run starts from now (or GOOGLE_FORM_POLL_SINCE): switching the poller
// on never turns the form's history into new incidents. The cursor lives in JobState and moves
// only after the last page — Google documents no order for responses or pages, so a cursor
// saved per page could skip a response on a later page after a crash. ">=" re-reads the
// boundary, and the (channel, responseId) uniqueness makes those re-reads create nothing; a
// response submitted again later (the reporter edited it) is added to its report as an edit.
import type { Core } from "../core/index.js";
import type { Locale } from "../i18n/index.js";
import { log } from "../log.js";
import { responseToReport, type TitleMap } from "./mapping.js";
import { googleQuota, type QuotaLimiter } from "../lib/quota.js";

export const FORMS_SCOPES = [
  "https://www.googleapis.com/auth/forms.responses.readonly",
  "https://www.googleapis.com/auth/forms.body.readonly",
];

/**
 * Every call here is a read. A connection that dropped before any answer (an idle keep-alive
 * socket the server closed) is tried again at once; an HTTP error is not: the run fails and
 * the next scheduled run repeats it whole.
 */
const READS_RETRY = {
  retry: true,
  retryConfig: { retry: 2, noResponseRetries: 2, statusCodesToRetry: [] as number[][], httpMethodsToRetry: ["GET"] },
};

export interface PollerOptions {
  core: Core;
  formId: string;
  /** A google-auth-library client (GoogleAuth from the service-account key, or any OAuth2 client). */
  auth: unknown;
  /** Another API root (a local fake in tests). */
  rootUrl?: string;
  titles: TitleMap;
  timeZone: string;
  fallbackLocale: Locale;
  /** GOOGLE_FORM_POLL_SINCE: where the very first run starts instead of now. */
  since?: string;
  /** The project's quota, shared with the Android driver; every call waits for a slot, and through a 429. */
  quota?: QuotaLimiter;
}

export interface PollSummary {
  imported: number;
  edited: number;
  seen: number;
}

/** One form item's answer texts: a question's answers, or one grid row's. */
type Answers = Record<string, string | string[]>;

export class GoogleFormPoller {
  private readonly quota: QuotaLimiter;
  constructor(private readonly o: PollerOptions) {
    this.quota = o.quota ?? googleQuota({}, () => Date.now());
  }

  private get cursorKey() {
    return `google-form-poll:${this.o.formId}`;
  }

  async poll(now: Date): Promise<PollSummary> {
    const { core, formId } = this.o;
    // Only the Forms module of googleapis, not the package root that loads every Google API.
    const { forms: formsApi } = await import("googleapis/build/src/apis/forms/index.js");
    const forms = formsApi({
      version: "v1",
      auth: this.o.auth as never,
      ...READS_RETRY,
      ...(this.o.rootUrl ? { rootUrl: this.o.rootUrl } : {}),
    });

    const saved = await core.reports.pollCursor(this.cursorKey);
    if (!saved) {
      // First run: remember where we start, so even a failing first list keeps the start fixed.
      const start = new Date(this.o.since ?? now).toISOString();
      await core.reports.savePollCursor(this.cursorKey, start);
      log.info("google form poller starts", { formId, since: start });
    }
    const since = saved ?? new Date(this.o.since ?? now).toISOString();

    const titleOf = await this.questionTitles(forms, formId);
    // One filter for the whole run: a page token is only valid with the filter that made it.
    const filter = `timestamp >= ${since}`;
    const summary: PollSummary = { imported: 0, edited: 0, seen: 0 };
    let latest = Date.parse(since);
    let pageToken: string | undefined;
    do {
      const page = await this.quota.run(() =>
        forms.forms.responses.list({
          formId,
          pageSize: 200,
          filter,
          ...(pageToken ? { pageToken } : {}),
        }),
      );
      for (const r of page.data.responses ?? []) {
        if (!r.responseId) continue;
        summary.seen++;
        const submitted = r.lastSubmittedTime ?? r.createTime;
        const submittedAt = submitted ? new Date(submitted) : null;
        const report = responseToReport(
          {
            responseId: r.responseId,
            respondentEmail: r.respondentEmail,
            answers: answersOf(r.answers ?? {}, titleOf),
          },
          { titles: this.o.titles, timeZone: this.o.timeZone, now, fallbackLocale: this.o.fallbackLocale },
        );
        const result = await core.reports.importResponse({
          ...report,
          externalId: r.responseId,
          externalSubmittedAt: submittedAt,
        });
        if (result.created) summary.imported++;
        if (result.edited.length) summary.edited++;
        // Compared as instants: RFC 3339 strings with and without fractions do not sort as text.
        if (submittedAt && submittedAt.getTime() > latest) latest = submittedAt.getTime();
      }
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    // Millisecond precision is what we keep; ">=" on it re-reads at most that millisecond.
    await core.reports.savePollCursor(this.cursorKey, new Date(latest).toISOString());
    if (summary.imported || summary.edited) log.info("google form responses imported", { ...summary });
    return summary;
  }

  /** Answers are keyed by question id; the report mapping reads question titles. */
  private async questionTitles(
    forms: { forms: { get(p: { formId: string }): Promise<{ data: { items?: FormItem[] } }> } },
    formId: string,
  ): Promise<Map<string, string>> {
    const form = await this.quota.run(() => forms.forms.get({ formId }));
    const titleOf = new Map<string, string>();
    for (const item of form.data.items ?? []) {
      const q = item.questionItem?.question?.questionId;
      if (q) titleOf.set(q, item.title ?? q);
      for (const row of item.questionGroupItem?.questions ?? []) {
        if (row.questionId) titleOf.set(row.questionId, `${item.title ?? ""} ${row.rowQuestion?.title ?? ""}`.trim());
      }
    }
    return titleOf;
  }
}

interface FormItem {
  title?: string | null;
  questionItem?: { question?: { questionId?: string | null } | null } | null;
  questionGroupItem?: {
    questions?: { questionId?: string | null; rowQuestion?: { title?: string | null } | null }[] | null;
  } | null;
}

function answersOf(
  answers: Record<string, { textAnswers?: { answers?: { value?: string | null }[] } | null }>,
  titleOf: Map<string, string>,
): Answers {
  const out: Answers = {};
  for (const [qid, a] of Object.entries(answers)) {
    const values = (a.textAnswers?.answers ?? []).map((x) => x.value ?? "").filter(Boolean);
    // An unanswered question (or grid row) is simply absent or empty: it is not an answer.
    if (!values.length) continue;
    out[titleOf.get(qid) ?? qid] = values.length === 1 ? values[0]! : values;
  }
  return out;
}
