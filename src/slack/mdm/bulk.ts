// /mdm bulk wipe|lock|lostmode <serial|UDID|IMEI> … — or CSV lines pasted after the type (first
// column). The core sends every device through the same approvals and wipe limit as a click,
// and posts the request to the security channel.
import { parseCsv } from "../../core/csv.js";
import type { BulkOutcome, BulkType } from "../../core/brake/service.js";
import { t, type Locale } from "../../i18n/index.js";
import { fileUploadModal } from "../blocks/file-upload.js";
import { InvalidInputError } from "../../core/errors.js";
import { refusalText } from "../button.js";
import type { MdmSubcommand } from "./subcommand.js";
import { slackText } from "../edge.js";

const TYPES: Record<string, BulkType> = {
  wipe: "ERASE_DEVICE",
  erase: "ERASE_DEVICE",
  lock: "DEVICE_LOCK",
  lostmode: "ENABLE_LOST_MODE",
};

const ID_HEADER = /serial|udid|imei|シリアル/i;

/**
 * Serials from words or CSV rows: the first cell of each line, a header line skipped — or, when
 * the header names them (an inventory export, in either language), the serial, UDID or IMEI
 * columns, the first filled one per row.
 */
export function deviceRefsFrom(text: string): string[] {
  const clean = text.replace(/^\uFEFF/, "");
  const lines = clean.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length <= 1 && !clean.includes(",")) return clean.split(/\s+/).filter(Boolean);
  const rows = parseCsv(clean).map((r) => r.cells.map((c) => c.trim()));
  const header = rows[0] ?? [];
  const idColumns = header.flatMap((h, i) => (ID_HEADER.test(h) ? [i] : []));
  if (idColumns.length)
    return rows
      .slice(1)
      .map((r) => idColumns.map((i) => r[i] ?? "").find(Boolean) ?? "")
      .filter(Boolean);
  return rows.map((r) => r[0] ?? "").filter(Boolean);
}

/** The answer to a bulk request: one line per device, its state or why it was refused. */
export function bulkResultText(out: BulkOutcome, type: BulkType, locale: Locale): string {
  const lines = out.results.map((r) =>
    r.command
      ? t(locale, "brake.bulk.line_ok", {
          name: slackText(r.name),
          state: t(locale, `command.state.${r.command.state}`),
        })
      : t(locale, "brake.bulk.line_refused", {
          name: slackText(r.name),
          reason: refusalText(r.refused, locale).replace(/^:\w+: /, ""),
        }),
  );
  return [
    t(locale, "brake.bulk.result", {
      type: t(locale, `command.type.${type}`),
      count: out.results.length,
      batch: out.batchId.slice(0, 8),
    }),
    ...lines,
  ].join("\n");
}

export const BULK_UPLOAD_VIEW = "bulk_upload";
export const BULK_TYPES = TYPES;

export const bulk: MdmSubcommand = {
  name: "bulk",
  usageKey: "mdm.help.bulk",
  async run(c) {
    const [word] = c.args;
    const type = word ? TYPES[word.toLowerCase()] : undefined;
    const rest = c.rawArgs.trim().slice(word?.length ?? 0);
    const refs = deviceRefsFrom(rest.trim());
    // No devices named: a modal takes the CSV file (an inventory export, or one serial per line).
    if (type && !refs.length && !rest.trim()) {
      c.deps.core.actors.requireAdmin(c.actor);
      await c.client.views.open({
        trigger_id: c.command.trigger_id,
        view: fileUploadModal(
          c.locale,
          BULK_UPLOAD_VIEW,
          "brake.bulk.upload_title",
          "brake.bulk.upload_intro",
          word!.toLowerCase(),
        ) as never,
      });
      return;
    }
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
    await c.respond({ response_type: "ephemeral", text: bulkResultText(out, type, c.locale) });
  },
};
