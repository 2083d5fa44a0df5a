// Deterministic test data: a counter per builder instead of Math.random(), so a failing test
// fails the same way on the next run, and a seeded generator for fakes whose real service is
// random (NanoMDM's delivery order) so that randomness can be replayed.

/** `next()` gives "1", "2", … in this test file (vitest loads the module once per file, which has its own database). */
export function sequence(prefix = ""): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** A repeatable stand-in for Math.random (mulberry32): the same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
