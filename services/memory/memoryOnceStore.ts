import { Clock, systemClock } from '../clock';
import { OnceStore } from '../kv/onceStore';

export class MemoryOnceStore implements OnceStore {
  private readonly claims = new Map<string, number>();
  constructor(private readonly clock: Clock = systemClock) {}

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const now = this.clock.now().getTime();
    const until = this.claims.get(key);
    if (until !== undefined && until > now) return false;
    this.claims.set(key, now + ttlSeconds * 1000);
    if (this.claims.size > 100_000) this.sweep(now);
    return true;
  }

  async release(key: string): Promise<void> {
    this.claims.delete(key);
  }

  async isClaimed(key: string): Promise<boolean> {
    const until = this.claims.get(key);
    return until !== undefined && until > this.clock.now().getTime();
  }

  private sweep(now: number): void {
    for (const [key, until] of this.claims) if (until <= now) this.claims.delete(key);
  }
}
