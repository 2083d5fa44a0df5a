// WCAG 2.x contrast ratio between two sRGB colours ("#rgb" / "#rrggbb" / "rgb(r, g, b)"), as
// defined for 1.4.3 and 1.4.11: (L1 + 0.05) / (L2 + 0.05) of the relative luminances.
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (la + 0.05) / (lb + 0.05);
}

function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function rgb(colour: string): [number, number, number] {
  const c = colour.trim().toLowerCase();
  const fn = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(c);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c)?.[1];
  if (!hex) throw new Error(`not a colour: ${colour}`);
  const full = hex.length === 3 ? [...hex].map((x) => x + x).join("") : hex;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}
