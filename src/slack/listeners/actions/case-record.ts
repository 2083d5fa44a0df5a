// "Case record" on a closed incident: the PDF and the CSV are posted in the incident's thread.
import { t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";

export const CASE_RECORD_ACTION = "case_record";

export const caseRecordButton = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value, args }) => {
    const body = args.body as { channel?: { id?: string }; message?: { ts?: string; thread_ts?: string } };
    const channel = body.channel?.id;
    if (!channel || !/^LR-/.test(value)) return t(locale, "commands.ephemeral.bad_button");
    const out = await deps.core.cases.export(actor, value, {
      channel,
      threadTs: body.message?.thread_ts ?? body.message?.ts,
    });
    return t(locale, "case.queued", { reference: out.reference });
  });
