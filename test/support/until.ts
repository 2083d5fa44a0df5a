/** Waits for work the app does in the background (after an ack, a wake-up): polls the condition, no fixed sleeps. */
export async function until<T>(
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + 25_000; // generous: the machine is shared
  for (let i = 0; ; i++) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => (i < 50 ? setImmediate(r) : setTimeout(r, 10)));
  }
}
