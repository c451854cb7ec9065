/**
 * A simple per-client rate limit: a fixed window of one minute per IP, in the memory of the process (with several
 * instances behind a load balancer, each counts its own share: set the limit per instance). IPs are kept only as
 * counters for the current minute, never logged.
 */

/** The verdict for one request. */
export interface RateVerdict {
  ok: boolean;
  /** Requests left in the window. */
  remaining: number;
  /** Seconds until the window resets. */
  resetS: number;
}

/** A per-key counter over fixed windows. */
export class RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Length of the window in milliseconds (default one minute; the suggestions use one hour). */
    private readonly windowMs = 60_000,
  ) {}

  /** Counts a request of `key` and says whether it may proceed. A limit of 0 lets everything through. */
  hit(key: string): RateVerdict {
    const t = this.now();
    const w = Math.floor(t / this.windowMs);
    if (w !== this.window) {
      this.window = w;
      this.counts = new Map();
    }
    const resetS = Math.ceil(((w + 1) * this.windowMs - t) / 1000);
    if (this.perMinute <= 0) return { ok: true, remaining: Infinity, resetS };
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return { ok: n <= this.perMinute, remaining: Math.max(0, this.perMinute - n), resetS };
  }
}
