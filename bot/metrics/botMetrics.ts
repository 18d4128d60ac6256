/**
 * Prometheus metrics for operators (GET /metrics). One registry per app, not
 * prom-client's global one, so tests and the bench can run several apps in one
 * process. Label values come from fixed sets (intent names, store methods):
 * never from request data, which would let a caller grow the series at will.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { isStoreUnavailable } from '../../services/errors';

/** Seconds; turns are fast (ms) but a store outage pushes them to the command timeout. */
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class BotMetrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'intent' | 'outcome'>;
  private readonly turnSeconds: Histogram<'intent'>;
  private readonly storeSeconds: Histogram<'store' | 'op'>;
  private readonly storeErrors: Counter<'store' | 'op' | 'kind'>;
  private readonly storeChildren = new Map<string, { observe(value: number): void }>();

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.turns = new Counter({ name: 'certlink_turns_total', help: 'Turns handled, by intent (or card verb) and outcome', labelNames: ['intent', 'outcome'], registers });
    this.turnSeconds = new Histogram({ name: 'certlink_turn_duration_seconds', help: 'Time to handle one turn, by intent', labelNames: ['intent'], buckets: TURN_BUCKETS, registers });
    this.storeSeconds = new Histogram({ name: 'certlink_store_call_duration_seconds', help: 'Time of one store call, by store and method', labelNames: ['store', 'op'], buckets: STORE_BUCKETS, registers });
    this.storeErrors = new Counter({
      name: 'certlink_store_errors_total',
      help: 'Store calls that failed; kind=unavailable is an outage (Redis down or too slow), kind=other a bug or bad data',
      labelNames: ['store', 'op', 'kind'],
      registers,
    });
    if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'certlink_' });
  }

  /**
   * Proactive notice delivery outcomes (sent, throttled, failed, …) as counters,
   * read from the notices module's own tallies at each scrape.
   */
  watchNotices(stats: () => Record<string, number>): void {
    new Counter({
      name: 'certlink_notices_total',
      help: 'Proactive notices by delivery outcome (sent, throttled = a 429 from Teams, retried, failed, dropped, stale, optedOut, duplicate, rescheduled)',
      labelNames: ['outcome'],
      registers: [this.registry],
      collect() {
        // The tallies are totals since start: mirror them (reset + inc keeps the counter type).
        this.reset();
        for (const [outcome, n] of Object.entries(stats())) this.inc({ outcome }, n);
      },
    });
  }

  /** The turn pipeline's onTurn hook (bot/turn/pipeline.ts). */
  readonly onTurn = (intent: string, outcome: string, durationMs: number): void => {
    this.turns.inc({ intent, outcome });
    this.turnSeconds.observe({ intent }, durationMs / 1000);
  };

  /** The timing decorator's observer (see timedStore.ts). */
  readonly onStoreCall = (store: string, op: string, durationMs: number, error: unknown): void => {
    // The labelled child is looked up once per store method, not hashed from labels on every call.
    const key = `${store}\u0000${op}`;
    let child = this.storeChildren.get(key);
    if (!child) {
      child = this.storeSeconds.labels({ store, op });
      this.storeChildren.set(key, child);
    }
    child.observe(durationMs / 1000);
    if (error !== null) this.storeErrors.inc({ store, op, kind: isStoreUnavailable(error) ? 'unavailable' : 'other' });
  };

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
