/**
 * A per-person limit on the requests worth abusing: link attempts (each one
 * reads profiles and may write a record) and admin commands (reports, removals).
 * Fixed windows on the shared counter store, so the limit holds across bot
 * processes; a window is keyed by its start, so a new window is a new counter.
 */
import { Clock, systemClock } from '../clock';
import { CounterStore } from '../kv/counterStore';

export type RateLimitedKind = 'link' | 'admin';

export interface RateLimitSettings {
  /** Requests of each kind allowed per person per window; 0 = no limit. */
  linkAttempts: number;
  adminCommands: number;
  windowSeconds: number;
}

export class PersonRateLimiter {
  constructor(
    private readonly counters: CounterStore,
    private readonly settings: RateLimitSettings,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Counts one request; false when the person is over the limit for this window. */
  async allow(kind: RateLimitedKind, tenantId: string, userId: string): Promise<boolean> {
    const limit = kind === 'link' ? this.settings.linkAttempts : this.settings.adminCommands;
    if (limit <= 0) return true;
    const window = this.settings.windowSeconds;
    const bucket = Math.floor(this.clock.now().getTime() / 1000 / window);
    const count = await this.counters.increment(`rate:${kind}:${tenantId.toLowerCase()}|${userId}:${bucket}`, window);
    return count <= limit;
  }
}
