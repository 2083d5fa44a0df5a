// WCAG 1.4.11 (non-text contrast): the keyboard focus ring must stand out 3:1 from whatever it
// is drawn on. Computed from the stylesheet the portal serves, so a colour change that breaks it
// fails here. (The ring used to be #80b3ff: 2.14:1 on white.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "../support/contrast.js";

const css = readFileSync("forms/static/portal.css", "utf8");
const variable = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,6})`).exec(css)?.[1];
const resolve = (value: string) => value.replace(/var\(--([\w-]+)\)/, (_m, n: string) => variable(n) ?? "");
/** The background a rule sets, e.g. `main { … background: #fff … }`. */
const background = (selector: string) => {
  const rule = new RegExp(`(?:^|[}\\s])${selector}\\s*\\{([^}]*)\\}`, "m").exec(css)?.[1] ?? "";
  return resolve(/background:\s*([^;]+);/.exec(rule)?.[1]?.trim() ?? "");
};

describe("the focus ring", () => {
  const focusRule = /input:focus[^{]*\{([^}]*)\}/.exec(css)?.[1] ?? "";
  const ring = resolve(/outline:\s*\d+px solid ([^;]+);/.exec(focusRule)?.[1]?.trim() ?? "");

  it("is a solid outline of at least 2px, drawn in the focus colour, on every focusable thing", () => {
    expect(focusRule).toMatch(/outline:\s*([2-9])px solid var\(--focus\)/);
    for (const selector of ["input:focus", "button:focus", "a:focus", ".error-summary:focus"])
      expect(css).toContain(selector);
    expect(ring).toMatch(/^#[0-9a-f]{3,6}$/i);
  });

  it("has 3:1 contrast or more against each background it is drawn on", () => {
    // The form and the summary sit on <main>, the language link on the header, the page behind them.
    const backgrounds = { main: background("main"), header: background(".top"), page: background("body") };
    expect(backgrounds).toEqual({ main: "#fff", header: "#fff", page: "#f6f8fa" });
    for (const [where, bg] of Object.entries(backgrounds)) {
      const ratio = contrastRatio(ring, bg);
      expect(ratio, `focus ring ${ring} on ${where} ${bg}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(3);
    }
  });

  it("measures what WCAG measures: the old ring was 2.14:1 on white", () => {
    expect(contrastRatio("#80b3ff", "#fff")).toBeCloseTo(2.14, 2);
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
  });
});
