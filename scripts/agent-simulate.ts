// A small simulated fleet for watching the whole flow locally: each device enrolls through the
// agent API, checks in on an interval, and answers its commands as a real device would —
// lost mode on, a location near Tokyo Station, "no passcode set" for the phone without one,
// sometimes "NotNow" first, and a wipe that ends the device (an ADE Mac comes back re-enrolled).
//
//   npm run agent:simulate -- --url http://localhost:3000 --secret <AGENT_ENROLLMENT_SECRET> --count 4
//
// Options (or env): --url (AGENT_SIM_URL, default http://localhost:$PORT or :3000), --secret
// (AGENT_ENROLLMENT_SECRET), --count (AGENT_SIM_COUNT, 4), --interval seconds (AGENT_SIM_INTERVAL,
// 10), --owner-domain (AGENT_SIM_DOMAIN, example.co.jp), --state file (AGENT_SIM_STATE,
// data/agent-sim.json: tokens survive a restart, so the same devices come back), --once,
// --fleet file (JSON list of devices to play instead of the generated ones, each with platform,
// name, model, supervised, ade, passcode and its serial/udid/imei and ownerEmail: a known device
// is re-enrolled by its identifiers, so `npm run demo` plays the demo company's own devices).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    secret: { type: "string" },
    count: { type: "string" },
    interval: { type: "string" },
    "owner-domain": { type: "string" },
    state: { type: "string" },
    once: { type: "boolean" },
    fleet: { type: "string" },
    help: { type: "boolean" },
  },
});
if (args.help) {
  console.log(
    readFileSync(new URL(import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("//"))
      .map((l) => l.slice(3))
      .join("\n"),
  );
  process.exit(0);
}

const env = process.env;
const url = (args.url ?? env.AGENT_SIM_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, "");
const secret = args.secret ?? env.AGENT_ENROLLMENT_SECRET;
const count = Math.max(1, Math.min(50, Number(args.count ?? env.AGENT_SIM_COUNT ?? 4)));
const intervalMs = Math.max(1, Number(args.interval ?? env.AGENT_SIM_INTERVAL ?? 10)) * 1000;
const domain = args["owner-domain"] ?? env.AGENT_SIM_DOMAIN ?? "example.co.jp";
const stateFile = path.resolve(args.state ?? env.AGENT_SIM_STATE ?? "data/agent-sim.json");
if (!secret) {
  console.error("agent:simulate needs the enrollment secret: --secret <value> or AGENT_ENROLLMENT_SECRET");
  process.exit(2);
}

interface Profile {
  key: string;
  platform: "ios" | "ipados" | "macos" | "android" | "windows";
  name: string;
  model: string;
  supervised: boolean;
  ade: boolean;
  passcode: boolean;
  serial?: string;
  udid?: string;
  imei?: string;
  ownerEmail?: string;
}

// A varied fleet: the rules differ by device (supervision, ADE, passcode), so the flow does too.
const KINDS: Omit<Profile, "key" | "name">[] = [
  { platform: "ios", model: "iPhone 15", supervised: true, ade: false, passcode: true },
  { platform: "ios", model: "iPhone 13", supervised: false, ade: false, passcode: false },
  { platform: "macos", model: "MacBook Air", supervised: true, ade: true, passcode: true },
  { platform: "android", model: "Pixel 8", supervised: false, ade: false, passcode: true },
  { platform: "ipados", model: "iPad (10th)", supervised: true, ade: true, passcode: true },
];

interface SimDevice extends Profile {
  deviceId?: string;
  token?: string;
  wiped?: boolean;
  notNowGiven?: string[];
}

type Saved = Record<string, { deviceId: string; token: string }>;

function load(): Saved {
  try {
    return JSON.parse(readFileSync(stateFile, "utf8")) as Saved;
  } catch {
    return {};
  }
}
function save(fleet: SimDevice[]) {
  mkdirSync(path.dirname(stateFile), { recursive: true });
  const out: Saved = {};
  for (const d of fleet) if (d.deviceId && d.token) out[d.key] = { deviceId: d.deviceId, token: d.token };
  writeFileSync(stateFile, JSON.stringify(out, null, 2), { mode: 0o600 });
}

const say = (d: SimDevice, msg: string) =>
  console.log(`${new Date().toISOString().slice(11, 19)}  ${d.name.padEnd(26)} ${msg}`);

async function call(pathname: string, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json };
}

async function enroll(d: SimDevice, n: number) {
  const serial = d.serial ?? `SIM${d.key.toUpperCase()}`;
  const res = await call("/agent/v1/enroll", {
    enrollmentSecret: secret,
    platform: d.platform,
    name: d.name,
    model: d.model,
    serial,
    ...(d.platform === "android"
      ? { imei: d.imei ?? `35000000000${String(n).padStart(4, "0")}` }
      : { udid: d.udid ?? `SIM-${serial}` }),
    supervised: d.supervised,
    ade: d.ade,
    ownerEmail: d.ownerEmail ?? `sim.user${n}@${domain}`,
  });
  if (res.status !== 201) throw new Error(`enroll refused (${res.status}): ${res.json?.reason ?? "no reason"}`);
  d.deviceId = res.json.deviceId;
  d.token = res.json.token;
  d.wiped = false;
  say(
    d,
    `enrolled (${d.platform}${d.supervised ? ", supervised" : ""}${d.ade ? ", ADE" : ""}${d.passcode ? "" : ", no passcode"})`,
  );
}

/** What this device answers to one command. */
function respond(d: SimDevice, cmd: { id: string; type: string; params: Record<string, unknown> }) {
  d.notNowGiven ??= [];
  // Like a phone in use: the first attempt at a disruptive command is sometimes "not now".
  if (["EnableLostMode", "DeviceLock"].includes(cmd.type) && !d.notNowGiven.includes(cmd.id) && Math.random() < 0.25) {
    d.notNowGiven.push(cmd.id);
    return { status: "NotNow" };
  }
  switch (cmd.type) {
    case "DeviceLocation":
      // Somewhere around Tokyo Station, a little different each time.
      return {
        status: "Acknowledged",
        result: {
          latitude: 35.681236 + (Math.random() - 0.5) / 100,
          longitude: 139.767125 + (Math.random() - 0.5) / 100,
          horizontalAccuracy: 25,
        },
      };
    case "DeviceLock":
      return d.passcode
        ? { status: "Acknowledged", result: { passcodePresent: true } }
        : { status: "Error", error: "No passcode set on this device: the lock does not protect it" };
    default:
      return { status: "Acknowledged" };
  }
}

async function tick(d: SimDevice, n: number) {
  if (!d.token) {
    if (d.wiped && !d.ade) return;
    await enroll(d, n);
  }
  const res = await call("/agent/v1/checkin", {}, d.token);
  if (res.status === 401) {
    // Our token is gone: wiped. An ADE device re-enrolls on activation; others stay gone.
    if (d.ade) {
      say(d, "wiped earlier; activating again and re-enrolling (ADE)");
      await enroll(d, n);
    } else if (!d.wiped) {
      d.wiped = true;
      say(d, "wiped: no longer managed, stops checking in");
    }
    return;
  }
  if (res.status !== 200) return say(d, `check-in failed (${res.status}): ${res.json?.reason ?? ""}`);
  for (const cmd of res.json.commands as { id: string; type: string; params: Record<string, unknown> }[]) {
    const answer = respond(d, cmd);
    const extra =
      cmd.type === "EnableLostMode"
        ? ` — lock screen: "${cmd.params.Message ?? ""}" ${cmd.params.PhoneNumber ?? ""}`
        : "";
    say(d, `${cmd.type} → ${answer.status}${extra}`);
    const sent = await call(`/agent/v1/commands/${encodeURIComponent(cmd.id)}/result`, answer, d.token);
    if (sent.status !== 200) say(d, `result refused (${sent.status}): ${sent.json?.reason ?? ""}`);
    if (cmd.type === "EraseDevice" && answer.status === "Acknowledged") {
      d.token = undefined;
      d.wiped = true;
      say(d, d.ade ? "erased: re-enrolls at its next activation (ADE)" : "erased: leaves management");
      break;
    }
  }
}

async function main() {
  const saved = load();
  const given = args.fleet ? (JSON.parse(readFileSync(args.fleet, "utf8")) as Omit<Profile, "key">[]) : null;
  const fleet: SimDevice[] = given
    ? given.map((p, i) => ({ ...p, key: `f${i + 1}`, ...saved[`f${i + 1}`] }))
    : Array.from({ length: count }, (_, i) => {
        const kind = KINDS[i % KINDS.length]!;
        const key = `d${i + 1}`;
        const label =
          kind.platform === "android"
            ? "Pixel"
            : kind.platform === "macos"
              ? "MacBook"
              : kind.platform === "ipados"
                ? "iPad"
                : "iPhone";
        return { ...kind, key, name: `${label} (sim ${i + 1})`, ...saved[key] };
      });
  console.log(
    `Simulating ${fleet.length} device(s) against ${url}, checking in every ${intervalMs / 1000}s. Ctrl-C to stop.`,
  );
  let stopping = false;
  process.on("SIGINT", () => (stopping = true));
  process.on("SIGTERM", () => (stopping = true));
  for (;;) {
    for (const [i, d] of fleet.entries()) {
      if (d.wiped && !d.ade) continue;
      try {
        await tick(d, i + 1);
      } catch (err) {
        say(d, `server unreachable or refused: ${(err as Error).message}`);
      }
    }
    save(fleet);
    if (args.once || stopping) break;
    await new Promise((r) => setTimeout(r, intervalMs));
    if (stopping) break;
  }
}

await main();
