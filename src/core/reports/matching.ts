// Who reported, and which device they most likely mean. Runs server-side only: nothing here is
// ever shown to the (anonymous) reporter, so a typed email or serial reveals nothing.
import type { Tx } from "../audit.js";
import { isReachable } from "../devices/capabilities.js";

export interface ReporterMatch {
  personId: string | null;
  /** "slack": Slack said who this is; "email": the typed or Google-collected address matched. */
  how: "slack" | "email" | null;
  slackUserId: string | null;
}

export async function matchReporter(tx: Tx, email: string, slackUserId: string | null): Promise<ReporterMatch> {
  if (slackUserId) {
    const p = await tx.person.findUnique({ where: { slackUserId }, select: { id: true } });
    if (p) return { personId: p.id, how: "slack", slackUserId };
  }
  if (email) {
    const p = await tx.person.findUnique({
      where: { email: email.toLowerCase() },
      select: { id: true, slackUserId: true },
    });
    if (p) return { personId: p.id, how: "email", slackUserId: slackUserId ?? p.slackUserId };
  }
  return { personId: null, how: null, slackUserId };
}

const digits = (s: string) => s.replace(/\D/g, "");
const words = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);

const PLATFORM_WORDS: Record<string, string[]> = {
  IOS: ["iphone", "ios", "アイフォン", "スマホ", "携帯"],
  IPADOS: ["ipad", "タブレット"],
  MACOS: ["mac", "macbook", "imac", "マック", "パソコン", "pc", "laptop", "ノートpc"],
  ANDROID: ["android", "pixel", "galaxy", "xperia", "アンドロイド", "スマホ", "携帯"],
  WINDOWS: ["windows", "thinkpad", "surface", "dynabook", "pc", "laptop", "パソコン", "ノートpc"],
};

interface Candidate {
  id: string;
  platform: string;
  name: string;
  model: string | null;
  serial: string | null;
  imei: string | null;
  udid: string | null;
  phoneNumber: string | null;
  state: "MANAGED" | "LOST_MODE" | "WIPED" | "UNENROLLED" | "AWAITING_REENROLLMENT";
}

const SELECT = {
  id: true,
  platform: true,
  name: true,
  model: true,
  serial: true,
  imei: true,
  udid: true,
  phoneNumber: true,
  state: true,
} as const;

/**
 * The likely device(s): an identifier typed in the description (serial, IMEI, UDID, phone
 * number) wins; otherwise the reporter's own devices whose kind, model or name the description
 * mentions; otherwise their only device. Several plausible devices → all of them (admins pick);
 * none → an empty list and the admin message offers a picker.
 */
export async function matchDevices(tx: Tx, description: string, ownerId: string | null): Promise<string[]> {
  const text = description.normalize("NFKC");
  const tokens = [
    ...new Set(
      text
        .split(/[\s,、。/()（）:：]+/)
        .map((s) => s.trim())
        .filter((s) => s.length >= 5),
    ),
  ];
  if (tokens.length) {
    const phoneDigits = tokens.map(digits).filter((d) => d.length >= 9);
    const byId = await tx.device.findMany({
      where: {
        OR: [
          { serial: { in: tokens.map((s) => s.toUpperCase()) } },
          { serial: { in: tokens } },
          { imei: { in: tokens.map(digits).filter((d) => d.length >= 14) } },
          { udid: { in: tokens } },
          // Stored numbers may carry hyphens or +81: narrow by the last four digits, compare below.
          ...phoneDigits.map((p) => ({ phoneNumber: { endsWith: p.slice(-4) } })),
        ],
      },
      select: SELECT,
      take: 200,
    });
    const exact = byId.filter(
      (d) =>
        tokens.some((t) => t.toUpperCase() === d.serial?.toUpperCase() || t === d.udid || digits(t) === d.imei) ||
        (d.phoneNumber && phoneDigits.some((p) => sameNumber(p, digits(d.phoneNumber!)))),
    );
    if (exact.length) return exact.map((d) => d.id);
  }
  if (!ownerId) return [];
  const owned = (await tx.device.findMany({
    where: { ownerId },
    select: SELECT,
    orderBy: { createdAt: "asc" },
  })) as Candidate[];
  const live = owned.filter((d) => isReachable(d));
  const said = new Set(words(text));
  const mentioned = live.filter((d) => {
    const own = [...words(d.name), ...words(d.model ?? ""), ...(PLATFORM_WORDS[d.platform] ?? [])];
    return own.some((w) => said.has(w) || [...said].some((s) => s.length >= 3 && (s.includes(w) || w.includes(s))));
  });
  if (mentioned.length) return mentioned.map((d) => d.id);
  return live.length === 1 ? [live[0]!.id] : [];
}

/** 090-1234-5678 and +81 90 1234 5678 are the same Japanese number. */
function sameNumber(a: string, b: string): boolean {
  const norm = (x: string) => (x.startsWith("81") && x.length >= 11 ? "0" + x.slice(2) : x);
  return norm(a) === norm(b);
}
