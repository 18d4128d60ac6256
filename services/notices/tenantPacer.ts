/**
 * Per-tenant pacing for proactive sends (Teams allows 50 requests/s per app per
 * tenant). A token bucket of one token: each send reserves the next free slot
 * of its tenant, `1/rate` seconds after the previous one, so no 1-second window
 * holds more than `rate` sends from this process. A 429 pushes the tenant's
 * next slot past its Retry-After, holding every pending send of that tenant.
 */
import { Clock, systemClock } from '../clock';

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class TenantPacer {
  private readonly nextSlot = new Map<string, number>();
  private readonly intervalMs: number;

  constructor(
    ratePerSecond: number,
    private readonly clock: Clock = systemClock,
    private readonly sleep: Sleep = realSleep,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
    this.intervalMs = Number.isFinite(ratePerSecond) ? 1000 / ratePerSecond : 0;
  }

  /** Resolves when this tenant may send once more. */
  async take(tenantId: string): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.max(now, this.nextSlot.get(tenantId) ?? now);
    if (this.intervalMs === 0 && slot === now) return;
    this.nextSlot.set(tenantId, slot + this.intervalMs);
    if (this.nextSlot.size > 10_000) this.sweep(now);
    if (slot > now) await this.sleep(slot - now);
  }

  /** Nothing more for this tenant until `ms` from now. */
  holdFor(tenantId: string, ms: number): void {
    const until = this.clock.now().getTime() + ms;
    this.nextSlot.set(tenantId, Math.max(until, this.nextSlot.get(tenantId) ?? 0));
  }

  private sweep(now: number): void {
    for (const [tenant, slot] of this.nextSlot) if (slot <= now) this.nextSlot.delete(tenant);
  }
}
