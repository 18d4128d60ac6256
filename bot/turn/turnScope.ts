/**
 * What the pipeline knows about one turn as it goes: the activity's facts, the shared reads, and
 * the note (intent and outcome) it logs and counts at the end. Made once per turn.
 */
import { Clock } from '../../services/clock';
import { Organization } from '../../services/directory/types';
import { dateStyleOf } from '../../services/i18n/dates';
import { Locale } from '../../services/i18n/locale';
import { onceKey } from '../../services/kv/onceKey';
import { OnceStore } from '../../services/kv/onceStore';
import type { PersonRateLimiter, RateLimitedKind } from '../../services/limits/personRateLimiter';
import type { Audience, HandlerContext } from '../features/feature';
import { PendingCards } from '../features/pendingCards';
import { hashUserId, Logger } from '../logging';
import type { Turn } from '../runtime/turn';
import { turnInfo, TurnInfo } from '../features/turnInfo';
import { ReadAhead, ReadServices, TurnReads } from '../features/turnReads';

export type TurnOutcome = 'ok' | 'unavailable' | 'error' | 'duplicate' | 'refused' | 'rateLimited';

/** What every part of the pipeline reads from. */
export interface ScopeDeps {
  reads: ReadServices;
  once: OnceStore;
  clock: Clock;
  log: Logger;
  /** Per-person limit on link attempts and admin commands; none = unlimited. */
  rateLimiter?: Pick<PersonRateLimiter, 'allow'>;
}

/** How long a processed activity (or click) id is remembered: Teams redelivers within seconds. */
export const ACTIVITY_MEMORY_SECONDS = 24 * 60 * 60;

export class TurnScope {
  readonly info: TurnInfo;
  /** Metric label of the turn: its intent or card verb once known. */
  intent: string;
  outcome: TurnOutcome = 'ok';
  private sharedReads: TurnReads | undefined;

  constructor(
    readonly turn: Turn,
    private readonly deps: ScopeDeps,
    intent: string,
  ) {
    this.info = turnInfo(turn.activity);
    this.intent = intent;
  }

  note(intent: string | null, outcome?: TurnOutcome): void {
    if (intent !== null) this.intent = intent;
    if (outcome) this.outcome = outcome;
  }

  /** The turn's shared reads, made on first use. */
  get reads(): TurnReads {
    return (this.sharedReads ??= new TurnReads(this.deps.reads, this.turn, { tenantId: this.info.tenantId, userId: this.info.userId }));
  }

  handlerContext(locale: Locale, org: Organization): HandlerContext {
    return {
      turn: this.turn,
      info: this.info,
      locale,
      dates: dateStyleOf(this.turn.activity.locale, locale),
      org,
      pending: new PendingCards(this.turn.session, () => this.deps.clock.now(), locale),
      reads: this.reads,
    };
  }

  /**
   * Why this person may not use something meant for `audience`, or null when they may: a guest
   * (B2B) account acts for no organization here, and what changes or shows the organization's
   * data needs Teams to have answered who the person is. Reads the member lookup the turn shares.
   */
  async audienceRefusal(audience: Audience = 'member'): Promise<'guestRefused' | 'memberUnknown' | null> {
    if (audience === 'everyone') return null;
    const person = await this.reads.member();
    if (person?.guest) return 'guestRefused';
    if (!person && audience === 'confirmedMember') return 'memberUnknown';
    return null;
  }

  /** True when the person may go on; otherwise nothing is done and the caller tells them. */
  async withinRateLimit(kind: RateLimitedKind): Promise<boolean> {
    const limiter = this.deps.rateLimiter;
    const { tenantId, userId, activityId } = this.info;
    if (!limiter || !tenantId || !userId) return true;
    if (await limiter.allow(kind, tenantId, userId)) return true;
    this.note(null, 'rateLimited');
    this.deps.log.warn({ activityId, user: hashUserId(userId), kind }, 'rate limit reached');
    return false;
  }

  /** The once-only key of this message (a redelivery has the same). */
  get activityKey(): string {
    return onceKey('activity', this.info.conversationId, this.info.activityId ?? '');
  }
}

/** What to read beside the claim: the handler's reads, and the member lookup when it is not for everyone (audienceRefusal). */
export function readsFor(rules: { readAhead?: ReadAhead[]; audience?: Audience }): ReadAhead[] {
  const reads = rules.readAhead ?? [];
  return rules.audience === 'everyone' ? reads : [...reads, 'member'];
}

export function clickKey(cardId: string): string {
  return onceKey('click', cardId);
}

export function welcomeKey(info: TurnInfo): string {
  return onceKey('welcome', info.conversationId);
}
