// The case record's documents (事故報告書 PDF and CSV) are words and layout in both languages; the
// core, which speaks no language, hands the record to whoever renders them.
import type { CaseRecord } from "../response/case-record.js";

export interface CaseDocuments {
  render(record: CaseRecord, timeZone: string): Promise<{ pdf: Uint8Array; csv: string }>;
}
