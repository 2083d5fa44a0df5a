// Reference numbers people can read out on the phone: LR-<year>-<sequence>, the sequence per
// year kept in one JobState row. The upsert locks that row until the report's transaction
// commits, so two replicas never hand out the same number.
import type { Tx } from "../audit.js";

export async function nextReference(tx: Tx, now: Date, timeZone: string): Promise<string> {
  const year = new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(now);
  const key = `report-seq:${year}`;
  const rows = await tx.$queryRaw<{ n: number }[]>`
    INSERT INTO "JobState" (key, value, "updatedAt") VALUES (${key}, '1'::jsonb, ${now})
    ON CONFLICT (key) DO UPDATE
      SET value = to_jsonb(("JobState".value #>> '{}')::int + 1), "updatedAt" = ${now}
    RETURNING (value #>> '{}')::int AS n`;
  const n = Number(rows[0]!.n);
  return `LR-${year}-${String(n).padStart(4, "0")}`;
}
