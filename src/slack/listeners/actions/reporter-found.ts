// "I found it" in the reporter's DM: the core checks the clicker is the reporter and tells the
// administrators in the incident's thread; the DM's button gives way to the answer.
import { isLocale, t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";

export const reporterFoundClicked = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value }) => {
    const done = await deps.core.reports.reporterFound({ actor, reportId: value });
    const text = t(
      isLocale(done.locale) ? done.locale : locale,
      `reporter.found.${done.outcome === "already_told" ? "already" : done.outcome}`,
    );
    return { text, replaceOriginal: true };
  });
