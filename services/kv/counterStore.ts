/**
 * Counters that expire on their own: per-person rate limits live here, on the
 * shared store, so a limit holds however many bot processes serve the person.
 */
export interface CounterStore {
  /** Adds one to `key` and returns the new count; a new counter expires `ttlSeconds` after its first increment. */
  increment(key: string, ttlSeconds: number): Promise<number>;
}
