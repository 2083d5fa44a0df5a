// Whether a name is an IANA time zone this runtime knows. Used by the environment schema, the
// core's preferences and the Slack locale, so it lives below all of them.

// Building a DateTimeFormat costs about a tenth of a millisecond, and every Slack reply asks:
// answers for known zones are kept (there are a few hundred; anything else is not remembered).
const knownZones = new Set<string>();

export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size < 1000) knownZones.add(zone);
  return true;
}
