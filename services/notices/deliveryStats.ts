/** Every outcome of notice delivery, counted (Teams' limits: docs/CONVENTIONS.md): exported to /metrics by the bot. */
export const DELIVERY_COUNTERS = ['sent', 'throttled', 'retried', 'failed', 'dropped', 'stale', 'optedOut', 'duplicate', 'rescheduled'] as const;

export type DeliveryCounter = (typeof DELIVERY_COUNTERS)[number];
export type DeliveryStats = Record<DeliveryCounter, number>;

export class DeliveryCounters {
  private readonly counts: DeliveryStats = Object.fromEntries(DELIVERY_COUNTERS.map((c) => [c, 0])) as DeliveryStats;

  add(counter: DeliveryCounter, by = 1): void {
    this.counts[counter] += by;
  }

  snapshot(): DeliveryStats {
    return { ...this.counts };
  }
}
