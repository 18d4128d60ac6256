import { Clock, systemClock } from '../clock';
import { PseudonymizedStartStore } from '../privacy/pseudonymizedStarts';

/** Embedded: same contract as the Redis adapter, expiry decided against the clock. */
export class MemoryPseudonymizedStartStore implements PseudonymizedStartStore {
  private readonly byHash = new Map<string, { starts: string[]; expiresAt: number }>();

  constructor(private readonly clock: Clock = systemClock) {}

  async keep(hashedMcid: string, startsIso: string[], expiresAt: Date): Promise<void> {
    const old = await this.get(hashedMcid);
    this.byHash.set(hashedMcid, { starts: [...new Set([...old, ...startsIso])].sort(), expiresAt: expiresAt.getTime() });
  }

  async get(hashedMcid: string): Promise<string[]> {
    const entry = this.byHash.get(hashedMcid);
    if (!entry) return [];
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.byHash.delete(hashedMcid);
      return [];
    }
    return [...entry.starts];
  }
}
