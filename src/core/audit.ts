// The append-only audit log: every decision, who made it and when.
import type { Db, Prisma } from "../db/client.js";

export type Tx = Prisma.TransactionClient | Db;

export interface AuditEvent {
  actor: string; // "slack:U123" | "person:<id>" | "device:<id>" | "system" | "api"
  action: string; // "command.approve", "report.create", …
  subject?: string; // "command:<id>", "report:<id>"
  details?: Record<string, unknown>;
  at?: Date;
}

export async function audit(tx: Tx, e: AuditEvent): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actor: e.actor,
      action: e.action,
      subject: e.subject ?? null,
      details: (e.details ?? {}) as Prisma.InputJsonValue,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}

export function auditTrail(db: Db, subject: string) {
  return db.auditEntry.findMany({ where: { subject }, orderBy: { id: "asc" } });
}
