// A date's text remembered per minute: what a clock shows changes only on minute boundaries (zone
// offsets too), and Intl's formatToParts with a zone name costs ~25 µs a call — seconds over
// 20,000 digest DMs or a 100,000-device sheet. Bounded: cleared when `max` texts are held.

/** `format` memoised by the date's minute and the other arguments (joined as the key). */
export function byMinute<A extends (string | number | boolean)[]>(
  format: (d: Date, ...rest: A) => string,
  max: number,
): (d: Date, ...rest: A) => string {
  const seen = new Map<string, string>();
  return (d, ...rest) => {
    const key = `${Math.floor(d.getTime() / 60_000)}|${rest.join("|")}`;
    let text = seen.get(key);
    if (text === undefined) {
      if (seen.size >= max) seen.clear();
      text = format(d, ...rest);
      seen.set(key, text);
    }
    return text;
  };
}
