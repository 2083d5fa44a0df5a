// The case record rendered as the two files an auditor keeps: the PDF and the CSV.
import type { CaseDocuments } from "../../core/ports/case-documents.js";
import { caseRecordCsv } from "./csv.js";
import { caseRecordPdf } from "./pdf.js";

export const caseDocuments: CaseDocuments = {
  async render(record, timeZone) {
    return { pdf: await caseRecordPdf(record, timeZone), csv: caseRecordCsv(record, timeZone) };
  },
};
