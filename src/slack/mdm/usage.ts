// A subcommand given the wrong arguments says how to call it, instead of failing silently.
import { t, type MessageKey } from "../../i18n/index.js";
import { usageLine, type MdmContext } from "./subcommand.js";

export async function badUsage(
  c: Pick<MdmContext, "respond" | "locale">,
  usageKey: MessageKey,
  problem?: string,
): Promise<void> {
  const lines = [problem ?? t(c.locale, "mdm.badArgs"), usageLine(c.locale, usageKey)];
  await c.respond({ response_type: "ephemeral", text: `:information_source: ${lines.join("\n")}` });
}
