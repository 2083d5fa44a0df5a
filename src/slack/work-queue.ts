// Work that runs after Slack has its answer, a few tasks at a time. The bound is what keeps acks
// fast on a busy replica: with at most `concurrency` tasks in flight, a new request waits behind
// a handful of short steps on the event loop, not behind the whole backlog.
import { log } from "../log.js";

export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => Promise<unknown>)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    /** Beyond this many tasks, callers should do the work themselves (backpressure). */
    private readonly capacity: number,
  ) {}

  get size(): number {
    return this.running + this.waiting.length;
  }

  hasRoom(): boolean {
    return this.size < this.capacity;
  }

  push(task: () => Promise<unknown>): void {
    this.waiting.push(task);
    // Started from the check phase, after the event loop has read every request already waiting
    // on its sockets: a burst of clicks is acked as a whole before the first one's work begins.
    setImmediate(() => this.pump());
  }

  /** Resolves once every task pushed so far (and any they pushed) has finished. */
  idle(): Promise<void> {
    return this.size ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length) {
      const task = this.waiting.shift()!;
      this.running++;
      void task()
        .catch((err: Error) => log.error("queued slack work failed", { err: err.message }))
        .finally(() => {
          this.running--;
          this.pump();
          if (!this.size) for (const resolve of this.idleWaiters.splice(0)) resolve();
        });
    }
  }
}
