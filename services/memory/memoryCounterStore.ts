import { Clock, systemClock } from '../clock';
import { CounterStore } from '../kv/counterStore';

/** Embedded counters; expiry follows the injected clock, like MemoryOnceStore. */
export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();

  constructor(private readonly clock: Clock = systemClock) {}

  async increment(key: string, ttlSeconds: number): Promise<number> {
    const now = this.clock.now().getTime();
    const current = this.counters.get(key);
    if (!current || current.expiresAt <= now) {
      this.counters.set(key, { count: 1, expiresAt: now + Math.max(1, ttlSeconds) * 1000 });
      return 1;
    }
    current.count += 1;
    return current.count;
  }
}
