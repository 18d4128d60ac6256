/**
 * Remembers that something happened, for a while: redelivered activities and
 * double-clicked buttons are acted on once.
 */
export interface OnceStore {
  /** True the first time a key is claimed within `ttlSeconds`, false afterwards. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives a claim back, so a turn that failed before changing anything can be retried. */
  release(key: string): Promise<void>;
  /** Whether a live claim exists, without taking one. */
  isClaimed(key: string): Promise<boolean>;
}
