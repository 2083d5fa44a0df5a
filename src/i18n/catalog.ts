// The shape every catalog file in messages/ has: both languages side by side, so a key missing
// from one of them is a type error.
/** A catalog: the English keys, and the same keys in Japanese. */
export type Catalog<K extends string> = { en: Record<K, string>; ja: Record<K, string> };
