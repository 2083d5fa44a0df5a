// The catalog and the code agree: both languages have every key, every key the code names
// exists, and no key sits in the catalog that nothing in src/ or forms/ uses (a text nobody can see drifts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allTranslations, MESSAGE_KEYS } from "../../../src/i18n/index.js";

const SRC = join(import.meta.dirname, "../../../src");
const CATALOG_DIR = join(SRC, "i18n/messages");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === CATALOG_DIR) return [];
    return statSync(path).isDirectory() ? files(path) : /\.(ts|html|css|js)$/.test(name) ? [path] : [];
  });
}

// The portal's HTML pages (forms/) name their texts as {{t:key}}.
const code = [...files(SRC), ...files(join(SRC, "../forms"))]
  .filter((f) => !f.includes("/generated/"))
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");
// The same list the MessageKey type is made of: the compiler checks every key the code names,
// this test the other way round.
const keys: readonly string[] = MESSAGE_KEYS;

/**
 * `command.state.${…}`, `"csv.col." + …`, allTranslations("csv.col."), keyOf("command.type.", …):
 * every key under the prefix may be meant.
 */
const prefixes = [
  ...code.matchAll(/[`"']([a-z][\w-]*(?:\.[\w-]+)*\.)(?:\$\{|["'`]\s*\+)/g),
  ...code.matchAll(/(?:allTranslations|keyOf)\(\s*"([^"]+)"/g),
].map((m) => m[1]!);

describe("the i18n catalog", () => {
  it("has every key in both Japanese and English", () => {
    // The Catalog type already refuses this; the texts as merged at run time say the same.
    const texts = allTranslations("");
    expect(Object.keys(texts).filter((k) => texts[k]!.length !== 2)).toEqual([]);
  });

  // The compiler checks the TypeScript (t() takes only a MessageKey); the HTML pages it cannot see.
  it("has every key the code and the portal pages ask for by name", () => {
    const asked = [
      ...code.matchAll(/\b(?:t|tr)\(\s*(?:[\w.]+,\s*)?"([a-z][\w-]*(?:\.[\w-]+)+)"/g),
      ...code.matchAll(/\{\{\s*t:([a-z][\w-]*(?:\.[\w-]+)+)\s*\}\}/g),
    ].map((m) => m[1]!);
    expect(asked.length).toBeGreaterThan(100);
    expect([...new Set(asked)].filter((k) => !keys.includes(k))).toEqual([]);
  });

  it("holds no key that nothing in src/ or forms/ uses", () => {
    const quoted = (k: string) =>
      code.includes(`"${k}"`) || code.includes(`'${k}'`) || code.includes(`\`${k}\``) || code.includes(`t:${k}`);
    const unused = keys.filter((k) => !quoted(k) && !prefixes.some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });
});
