// A call-back number as people type it in Japan: full-width digits from an IME, hyphens of
// every shape (「－」「ー」「‐」), spaces, brackets around the area code, or +81. The help desk
// dials what is stored, so it is kept in one domestic form: 「090-1234-5678」, 「03-1234-5678」.

/** Mobile and IP-phone prefixes whose 11 digits always split 3-4-4. */
const MOBILE = /^0[5789]0\d{8}$/;

/**
 * The number in the form the help desk dials, or null when it cannot be a phone number: a
 * domestic number is 10 or 11 digits starting with 0; an international one is +, a country
 * code and 7 to 15 digits in all.
 */
export function normalisePhone(input: string): string | null {
  const v = input
    .normalize("NFKC")
    .trim()
    .replace(/[‐‑‒–—―−ー]/g, "-");
  // Only what a phone number is made of: digits, one leading +, and separators.
  if (!/^\+?[0-9()\-\s.]+$/.test(v)) return null;
  const digits = v.replace(/\D/g, "");
  const international = v.startsWith("+");

  if (international && digits.startsWith("81")) {
    // +81 90-1234-5678 and +81 (0)90… are 090-1234-5678 when dialled from Japan.
    const national = `0${digits.slice(2).replace(/^0/, "")}`;
    const typed = groups(v).replace(/^81-?/, "").replace(/^0-/, "");
    return domestic(national, typed.includes("-") ? `0${typed.replace(/^0/, "")}` : null);
  }
  if (international) return digits.length >= 7 && digits.length <= 15 ? `+${groups(v)}` : null;
  return domestic(digits, v);
}

/** A domestic number keeps the grouping the person typed, else the usual one for mobiles. */
function domestic(digits: string, typed: string | null): string | null {
  if (!/^0\d{9,10}$/.test(digits)) return null;
  if (MOBILE.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  // Landline area codes run from 1 to 4 digits: only the person knows where the hyphens go.
  return typed && /[-\s()]/.test(typed) ? groups(typed) : digits;
}

/** Digit groups joined by hyphens: "(03) 1234 5678" → "03-1234-5678". */
function groups(v: string): string {
  return v
    .replace(/^\+/, "")
    .split(/[^0-9]+/)
    .filter(Boolean)
    .join("-");
}
