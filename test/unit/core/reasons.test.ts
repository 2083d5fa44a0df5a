// Every reason the core can refuse with reads in both languages: the registry's codes (the only
// ones DomainError accepts) and the full catalog keys refusals name as `reasonKey`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REASONS } from "../../../src/core/reasons.js";
import { allTranslations } from "../../../src/i18n/index.js";

const CORE = join(import.meta.dirname, "../../../src/core");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".ts") ? [path] : [];
  });
const core = files(CORE).map((f) => readFileSync(f, "utf8"));

/** [ja, en] of a key, or fewer when a language lacks it. */
const texts = (key: string) => allTranslations(key)[""] ?? [];
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("refusal reasons", () => {
  it("each registered reason has a Japanese and an English text", () => {
    const missing = REASONS.filter((r) => {
      const [ja, en] = texts(`error.reason.${r}`);
      return !ja || !en || !japanese.test(ja);
    });
    expect(missing).toEqual([]);
  });

  it("each full catalog key a core refusal names (reasonKey) has both texts", () => {
    const named = core.flatMap((src) => [...src.matchAll(/reasonKey:\s*"([\w.-]+)"/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(10);
    expect([...new Set(named)].filter((k) => texts(k).length !== 2)).toEqual([]);
  });

  it("no refusal names a reason the registry lacks", () => {
    // Typed already; this catches a code written where the compiler cannot see it (a cast).
    const used = core.flatMap((src) =>
      [...src.matchAll(/\{\s*reason:\s*"([\w.]+)"\s*(?:,\s*params|\})/g)].map((m) => m[1]!),
    );
    const dotted = used.filter((r) => r.includes("."));
    expect(dotted.length).toBeGreaterThan(10);
    expect(dotted.filter((r) => !(REASONS as readonly string[]).includes(r))).toEqual([]);
  });
});
