/**
 * Yielding to the main thread (web.dev « Optimize long tasks », « Optimize INP »): what runs after `yieldToMain()`
 * runs in a new task, so the browser paints the frame of the input that started it (the letter typed) first.
 */

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/**
 * A promise resolved in a new task: `scheduler.yield()` where the browser has it (the continuation keeps its priority),
 * otherwise a `MessageChannel` message (not clamped to 4 ms like nested `setTimeout`), or `setTimeout(0)`.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => (port1.close(), resolve());
      port2.postMessage(null);
    } else setTimeout(resolve, 0);
  });
}

/**
 * Coalesces calls into one run after a yield: `schedule()` any number of times before it runs gives one `run()`,
 * with the latest state (the caller keeps it); `flush()` runs it now if one is pending (a submit reads the words typed).
 */
export class AfterYield {
  private pending = false;

  constructor(private readonly run: () => void) {}

  /** Whether a run is waiting for its turn. */
  get scheduled(): boolean {
    return this.pending;
  }

  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    void yieldToMain().then(() => this.flush());
  }

  flush(): void {
    if (!this.pending) return;
    this.pending = false;
    this.run();
  }

  /** Forgets a pending run (the element was removed). */
  cancel(): void {
    this.pending = false;
  }
}
