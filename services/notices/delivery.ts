/**
 * Sends one proactive card, once, within Teams' limits:
 * - the ledger is claimed before sending and marked right after a 2xx, so two
 *   workers never both send and a redelivered job is a counted duplicate;
 * - sends are paced per tenant; a 429 holds the tenant for its Retry-After;
 * - 5xx, 412 and network errors back off exponentially with full jitter, a
 *   bounded number of times;
 * - 403/404 mean the app was removed or the person blocked it: the reference is
 *   forgotten and nothing is retried.
 * The whole attempt must end well inside the claim TTL (see `deadlineMs`),
 * otherwise another worker could take the claim over while this one still sends.
 */
import { Clock, systemClock } from '../clock';
import { ConversationRefStore } from './conversationRefStore';
import { DeliveryCounter, DeliveryCounters, DeliveryStats } from './deliveryStats';
import { NoticeLedger } from './noticeLedger';
import { realSleep, Sleep, TenantPacer } from './tenantPacer';
import { ConversationRef, NoticeTransport, SendResult } from './types';

export type DeliveryOutcome =
  /** Delivered now. */
  | 'sent'
  /** Already delivered earlier (a redelivered job, a second worker). */
  | 'duplicate'
  /** Another worker holds the claim right now: try again after the claim TTL. */
  | 'inFlight'
  /** No reference, or Teams said 403/404: nobody to tell. */
  | 'dropped'
  /** Gave up after bounded retries, or a non-retryable answer. */
  | 'failed';

export interface DeliveryItem {
  /** Idempotency key, e.g. noticeKey(notice). */
  key: string;
  tenantId: string;
  userId: string;
  /** Built once the reference (and so the person's locale) is known. */
  card: (ref: ConversationRef) => object;
  /** How long the send is remembered, when it must outlive sentKeepMs (a renewal reminder: until its expiry). */
  keepMs?: number;
}

export interface DeliveryOptions {
  /** Sends per second per tenant from this process (default 50). */
  tenantRatePerSecond?: number;
  /** Retries after 5xx/412/network errors (default 5). */
  maxRetries?: number;
  /** Waits on 429 before giving up (default 10). */
  maxThrottleWaits?: number;
  /** First backoff step; doubles each retry, capped at maxBackoffMs (defaults 500 ms, 30 s). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** When Retry-After is missing on a 429 (default 1 s). */
  defaultRetryAfterMs?: number;
  /** How long a worker owns a notice before another may take it over (default 10 min). */
  claimTtlMs?: number;
  /** How long a sent notice is remembered (default 40 days: longer than any redelivery). */
  sentKeepMs?: number;
}

export interface DeliveryDeps extends DeliveryOptions {
  transport: NoticeTransport;
  refs: ConversationRefStore;
  ledger: NoticeLedger;
  clock?: Clock;
  sleep?: Sleep;
  random?: () => number;
  counters?: DeliveryCounters;
}

const DAY_MS = 86_400_000;

export class NoticeDelivery {
  private readonly pacer: TenantPacer;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  readonly counters: DeliveryCounters;
  private readonly o: Required<DeliveryOptions>;

  constructor(private readonly deps: DeliveryDeps) {
    this.clock = deps.clock ?? systemClock;
    this.sleep = deps.sleep ?? realSleep;
    this.random = deps.random ?? Math.random;
    this.counters = deps.counters ?? new DeliveryCounters();
    this.o = {
      tenantRatePerSecond: deps.tenantRatePerSecond ?? 50,
      maxRetries: deps.maxRetries ?? 5,
      maxThrottleWaits: deps.maxThrottleWaits ?? 10,
      baseBackoffMs: deps.baseBackoffMs ?? 500,
      maxBackoffMs: deps.maxBackoffMs ?? 30_000,
      defaultRetryAfterMs: deps.defaultRetryAfterMs ?? 1000,
      claimTtlMs: deps.claimTtlMs ?? 10 * 60_000,
      sentKeepMs: deps.sentKeepMs ?? 40 * DAY_MS,
    };
    this.pacer = new TenantPacer(this.o.tenantRatePerSecond, this.clock, this.sleep);
  }

  stats(): DeliveryStats {
    return this.counters.snapshot();
  }

  /** Counts outcomes decided before delivery (stale, optedOut, rescheduled). */
  count(counter: DeliveryCounter): void {
    this.counters.add(counter);
  }

  /** No retries left after this point: half the claim TTL, so a slow send still ends before a takeover. */
  private deadlineFrom(start: number): number {
    return start + this.o.claimTtlMs / 2;
  }

  async deliver(item: DeliveryItem): Promise<DeliveryOutcome> {
    // The reference is read alongside the claim: one store round trip less per notice.
    const [claim, ref] = await Promise.all([this.deps.ledger.claim(item.key, this.o.claimTtlMs), this.deps.refs.get(item.tenantId, item.userId)]);
    if (claim === 'alreadySent') return this.done('duplicate');
    if (claim === 'inFlight') return 'inFlight';
    let outcome: DeliveryOutcome;
    try {
      outcome = ref ? await this.sendClaimed(item, ref) : 'dropped';
    } catch (err) {
      // A store or transport fault before the send: the claim goes back so the job's retry can send.
      await this.deps.ledger.release(item.key).catch(() => undefined);
      throw err;
    }
    if (outcome !== 'sent') await this.deps.ledger.release(item.key);
    return this.done(outcome);
  }

  private done(outcome: DeliveryOutcome): DeliveryOutcome {
    if (outcome !== 'inFlight') this.counters.add(outcome);
    return outcome;
  }

  private async sendClaimed(item: DeliveryItem, ref: ConversationRef): Promise<DeliveryOutcome> {
    const card = item.card(ref);
    const deadline = this.deadlineFrom(this.clock.now().getTime());
    let retries = 0;
    let throttleWaits = 0;
    for (;;) {
      await this.pacer.take(item.tenantId);
      const result = await this.send(ref, card);
      if (result.ok) {
        // Nothing between the 2xx and the mark: this is the only window where a crash duplicates.
        await this.deps.ledger.markSent(item.key, item.keepMs ?? this.o.sentKeepMs);
        return 'sent';
      }
      const { status } = result;
      if (status === 403 || status === 404) {
        await this.deps.refs.forget(item.tenantId, item.userId);
        return 'dropped';
      }
      let resumeInMs: number;
      if (status === 429) {
        this.counters.add('throttled');
        if (++throttleWaits > this.o.maxThrottleWaits) return 'failed';
        resumeInMs = result.retryAfterSeconds !== undefined ? result.retryAfterSeconds * 1000 : this.o.defaultRetryAfterMs;
      } else if (status === 0 || status === 412 || status >= 500) {
        if (++retries > this.o.maxRetries) return 'failed';
        const cap = Math.min(this.o.maxBackoffMs, this.o.baseBackoffMs * 2 ** (retries - 1));
        resumeInMs = Math.round(this.random() * cap);
      } else {
        return 'failed';
      }
      if (this.clock.now().getTime() + resumeInMs > deadline) return 'failed';
      this.counters.add('retried');
      // A 429 is about the tenant, not this message: hold every send of the tenant; take() then waits.
      if (status === 429) this.pacer.holdFor(item.tenantId, resumeInMs);
      else if (resumeInMs > 0) await this.sleep(resumeInMs);
    }
  }

  private async send(ref: ConversationRef, card: object): Promise<SendResult> {
    try {
      return await this.deps.transport.send(ref, card);
    } catch {
      return { ok: false, status: 0 };
    }
  }
}
