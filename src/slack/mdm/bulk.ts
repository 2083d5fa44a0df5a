// /mdm bulk wipe|lock|lostmode <serial|UDID|IMEI> … — or CSV lines pasted after the type (first
// column). The core sends every device through the same approvals and wipe limit as a click,
// and posts the request to the security channel.
import { parseCsv } from "../../core/inventory/csv.js";
import type { BulkType } from "../../core/brake/service.js";
import { t } from "../../i18n/index.js";
import { InvalidInputError } from "../../core/errors.js";
import { refusalText } from "../button.js";
import type { MdmSubcommand } from "./subcommand.js";

const TYPES: Record<string, BulkType> = {
  wipe: "ERASE_DEVICE",
  erase: "ERASE_DEVICE",
  lock: "DEVICE_LOCK",
  lostmode: "ENABLE_LOST_MODE",
};

/** Serials from words or CSV rows: the first cell of each line; a header line is skipped. */
export function deviceRefsFrom(text: string): string[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length <= 1 && !text.includes(",")) return text.split(/\s+/).filter(Boolean);
  const rows = parseCsv(text);
  const cells = rows.map((r) => (r.cells[0] ?? "").trim()).filter(Boolean);
  return cells.filter((c, i) => !(i === 0 && /serial|udid|imei|シリアル/i.test(c)));
}

export const bulk: MdmSubcommand = {
  name: "bulk",
  usageKey: "mdm.help.bulk",
  async run(c) {
    const [word] = c.args;
    const type = word ? TYPES[word.toLowerCase()] : undefined;
    const rest = c.rawArgs.trim().slice(word?.length ?? 0);
    const refs = deviceRefsFrom(rest.trim());
    if (!type || !refs.length)
      return void (await c.respond({ response_type: "ephemeral", text: t(c.locale, "brake.bulk.usage") }));
    const params = type === "ENABLE_LOST_MODE" ? { Message: t(c.locale, "brake.bulk.lost_message") } : undefined;
    const out = await c.deps.core.brake
      .requestMany(c.actor, {
        type,
        deviceRefs: refs,
        params,
        source: rest.includes(",") || rest.includes("\n") ? "csv" : "slack",
      })
      .catch((err) => {
        if (err instanceof InvalidInputError && typeof err.details.unknown === "string") return err;
        throw err;
      });
    if (out instanceof InvalidInputError)
      return void (await c.respond({
        response_type: "ephemeral",
        text: `:warning: ${t(c.locale, "brake.bulk.unknown", { unknown: String(out.details.unknown) })}`,
      }));
    const lines = out.results.map((r) =>
      r.command
        ? t(c.locale, "brake.bulk.line_ok", { name: r.name, state: t(c.locale, `command.state.${r.command.state}`) })
        : t(c.locale, "brake.bulk.line_refused", {
            name: r.name,
            reason: refusalText(r.refused, c.locale).replace(/^:\w+: /, ""),
          }),
    );
    await c.respond({
      response_type: "ephemeral",
      text: [
        t(c.locale, "brake.bulk.result", {
          type: t(c.locale, `command.type.${type}`),
          count: out.results.length,
          batch: out.batchId.slice(0, 8),
        }),
        ...lines,
      ].join("\n"),
    });
  },
};
