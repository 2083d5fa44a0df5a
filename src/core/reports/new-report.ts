// What a loss report is made from, whichever way it came in (Slack, the web form, Google Forms).
import type { ReportChannel } from "../../generated/prisma/enums.js";

export interface NewReport {
  channel: ReportChannel;
  /** Id in the source system (Google Form responseId): the same one is imported once. */
  externalId?: string | null;
  /** When the source says it was (last) submitted: a later one with the same id is an edit. */
  externalSubmittedAt?: Date | null;
  /** An InboundReceipt key (a form's nonce): a replayed submission creates nothing. */
  receiptKey?: string;
  /** The web form derives it from its nonce so a replay can show the same link; else random. */
  statusToken?: string;
  reporterEmail: string;
  reporterName?: string | null;
  /** Set only when Slack told us who this is (never typed by the reporter). */
  reporterSlackUserId?: string | null;
  deviceDescription: string;
  /** Devices the reporter picked themselves (Slack modal); kept only if they own them. */
  deviceIds?: string[];
  lostAt?: Date | null;
  lostAtText?: string | null;
  location?: string | null;
  circumstances: "LOST" | "STOLEN" | "LEFT_BEHIND";
  contactPhone?: string | null;
  consentLostMode: boolean;
  locale: "ja" | "en";
}
