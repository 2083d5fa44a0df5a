// The pull alternative to the Apps Script: every few minutes, list the form's responses
// submitted since the last one seen (forms.responses.list with a timestamp filter) and import
// each. The cursor lives in JobState, so a restart or another replica carries on where the
// last run stopped; "timestamp >=" re-reads the boundary second and the (channel, responseId)
// uniqueness makes those re-reads create nothing.
import type { Core } from "../core/index.js";
import type { Locale } from "../i18n/index.js";
import { log } from "../log.js";
import { responseToReport, type TitleMap } from "./mapping.js";

export const FORMS_SCOPES = [
  "https://www.googleapis.com/auth/forms.responses.readonly",
  "https://www.googleapis.com/auth/forms.body.readonly",
];

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
}

interface Cursor {
  since: string | null;
}

export class GoogleFormPoller {
  constructor(private readonly o: PollerOptions) {}

  private get cursorKey() {
    return `google-form-poll:${this.o.formId}`;
  }

  async poll(now: Date): Promise<{ imported: number; seen: number }> {
    const { core, formId } = this.o;
    const db = core.deps.db;
    const { google } = await import("googleapis");
    const forms = google.forms({ version: "v1", auth: this.o.auth as never, ...(this.o.rootUrl ? { rootUrl: this.o.rootUrl } : {}) });

    const state = await db.jobState.findUnique({ where: { key: this.cursorKey } });
    let since = (state?.value as Cursor | undefined)?.since ?? null;

    // Answers are keyed by question id; the report mapping reads question titles.
    const form = await forms.forms.get({ formId });
    const titleOf = new Map<string, string>();
    for (const item of form.data.items ?? []) {
      const q = item.questionItem?.question?.questionId;
      if (q) titleOf.set(q, item.title ?? q);
      for (const row of item.questionGroupItem?.questions ?? []) {
        if (row.questionId) titleOf.set(row.questionId, `${item.title ?? ""} ${row.rowQuestion?.title ?? ""}`.trim());
      }
    }

    // One filter for the whole run: a page token is only valid with the filter that made it.
    const filter = since ? `timestamp >= ${since}` : null;
    let imported = 0;
    let seen = 0;
    let pageToken: string | undefined;
    do {
      const page = await forms.forms.responses.list({
        formId,
        pageSize: 200,
        ...(filter ? { filter } : {}),
        ...(pageToken ? { pageToken } : {}),
      });
      const responses = [...(page.data.responses ?? [])].sort((a, b) => (a.lastSubmittedTime ?? "").localeCompare(b.lastSubmittedTime ?? ""));
      for (const r of responses) {
        if (!r.responseId) continue;
        seen++;
        const answers: Record<string, string | string[]> = {};
        for (const [qid, a] of Object.entries(r.answers ?? {})) {
          const values = (a.textAnswers?.answers ?? []).map((x) => x.value ?? "").filter(Boolean);
          answers[titleOf.get(qid) ?? qid] = values.length === 1 ? values[0]! : values;
        }
        const report = responseToReport(
          { responseId: r.responseId, respondentEmail: r.respondentEmail, answers },
          { titles: this.o.titles, timeZone: this.o.timeZone, now, fallbackLocale: this.o.fallbackLocale },
        );
        const result = await core.reports.create(report);
        if (result.created) imported++;
        const at = r.lastSubmittedTime ?? r.createTime;
        if (at && (!since || at > since)) since = at;
      }
      // Saved page by page: a crash half-way re-reads at most one page.
      await db.jobState.upsert({
        where: { key: this.cursorKey },
        create: { key: this.cursorKey, value: { since }, updatedAt: now },
        update: { value: { since }, updatedAt: now },
      });
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    if (imported) log.info("google form responses imported", { imported, seen });
    return { imported, seen };
  }
}
