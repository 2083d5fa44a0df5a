// The checklist in the incident thread: posted with the incident, and again — current answers,
// who and when, the Commission verdict — each time administrators record answers.
import type { Tx } from "../../core/audit.js";
import { refChannel, refTs, type OutboxItem } from "../../core/outbox.js";
import { assess, type ChecklistAnswers } from "../../core/response/appi.js";
import type { ChecklistKey, ChecklistState } from "../../core/response/checklist.js";
import { checklistMessage } from "../blocks/checklist.js";
import type { NotificationHandler, NotifyContext } from "./handler.js";

async function stateIn(tx: Tx, reportId: string, timeZone: string): Promise<ChecklistState | null> {
  const r = await tx.lossReport.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      reference: true,
      createdAt: true,
      circumstances: true,
      checklist: { orderBy: { checkedAt: "asc" } },
    },
  });
  if (!r) return null;
  const answers = Object.fromEntries(r.checklist.map((c) => [c.key, c.value])) as ChecklistAnswers;
  return {
    reportId: r.id,
    reference: r.reference,
    knownAt: r.createdAt,
    answers,
    items: r.checklist.map((c) => ({
      key: c.key as ChecklistKey,
      value: c.value,
      checkedBy: c.checkedBy,
      checkedAt: c.checkedAt,
    })),
    assessment: assess(answers, r.createdAt, r.circumstances === "STOLEN", timeZone),
  };
}

export async function checklistPost(tx: Tx, reportId: string, ctx: NotifyContext): Promise<OutboxItem[]> {
  const s = await stateIn(tx, reportId, ctx.timeZone);
  if (!s) return [];
  const key = `report:${reportId}`;
  return [
    {
      method: "chat.postMessage",
      payload: { channel: refChannel(key), thread_ts: refTs(key), ...checklistMessage(s, ctx.locale, ctx.timeZone) },
      orderingKey: key,
    },
  ];
}

export const checklistChanged: NotificationHandler<{
  type: "checklist.changed";
  reportId: string;
  actor: string;
  keys: string[];
}> = (tx, e, ctx) => checklistPost(tx, e.reportId, ctx);
