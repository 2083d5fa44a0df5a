// "I found it" in the reporter's DM or on their App Home: the core checks the clicker is the
// reporter and tells the administrators in the incident's thread; the DM's button gives way to the
// answer, and a Home is published again without the button.
import { isLocale, t } from "../../../i18n/index.js";
import type { SlackDeps } from "../../deps.js";
import { button } from "../../button.js";
import { publishHome } from "../events/app-home-opened.js";

export const reporterFoundClicked = (deps: SlackDeps) =>
  button(deps, async ({ actor, locale, value, args: { body, client } }) => {
    const done = await deps.core.reports.reporterFound({ actor, reportId: value });
    const text = t(
      isLocale(done.locale) ? done.locale : locale,
      `reporter.found.${done.outcome === "already_told" ? "already" : done.outcome}`,
    );
    if (body.view?.type === "home") await publishHome(deps, client, body.user.id);
    return { text, replaceOriginal: true };
  });
