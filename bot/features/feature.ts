/**
 * What a feature declares, next to its handlers: the intents it answers and the card verbs it
 * acts on, each with its rules (personal chat only, rate limited, reads the conversation
 * state, reads ahead). The turn pipeline (bot/turn/) applies the rules; bot/features/priority.ts
 * orders every feature's phrases.
 */
import type { Organization } from '../../services/directory/types';
import type { DateStyle } from '../../services/i18n/dates';
import type { Locale } from '../../services/i18n/locale';
import type { RateLimitedKind } from '../../services/limits/personRateLimiter';
import type { Reply, Turn } from '../runtime/turn';
import type { TurnInfo } from './turnInfo';
import type { ReadAhead, TurnReads } from './turnReads';
import type { PendingCard, PendingCards } from './pendingCards';

export type { Reply };

/** What every handler receives: the turn, and what the pipeline already knows about it. */
export interface HandlerContext {
  turn: Turn;
  info: TurnInfo;
  locale: Locale;
  /** How dates are written: the language, and for English the Teams client's region (en-US month first). */
  dates: DateStyle;
  /** The org of the person's tenant; handlers only run once it is known. */
  org: Organization;
  pending: PendingCards;
  /** The turn's shared reads (the person's record, their profile by email), some started ahead. */
  reads: TurnReads;
}

export type MessageHandler = (hc: HandlerContext) => Promise<Reply | null>;

/** Runs after the card's owner, tenant and freshness were checked and the click was claimed once. */
export type CardActionHandler = (hc: HandlerContext, card: PendingCard) => Promise<Reply>;

export type PublicCardActionHandler = (hc: HandlerContext) => Promise<Reply>;

/**
 * Who may use an intent or card verb, for the sake of the organization whose Teams it is asked in
 * (the pipeline checks it against the member lookup, bot/teams/memberEmail.ts):
 * - 'everyone': it neither acts for nor reads the organization (help, one's own data): guests too;
 * - 'member' (the default): a member of the tenant; a guest (B2B) account is told to use their
 *   own organization's Teams;
 * - 'confirmedMember': it changes or shows the organization's data (a link, a removal, the report),
 *   so Teams must also have answered the lookup: when it could not, nothing is done and the person
 *   is asked to try again.
 */
export type Audience = 'everyone' | 'member' | 'confirmedMember';

interface Rules {
  /** Counted against the person's limit of that kind (RATE_LIMIT_LINK_ATTEMPTS, RATE_LIMIT_ADMIN_COMMANDS). */
  rateLimit?: RateLimitedKind;
  /** Default 'member': see Audience. */
  audience?: Audience;
  /**
   * What the handler will read, started beside the once-only claim and the conversation state so
   * the reads share their round trips. A tuning hint: handlers read through hc.reads either way.
   */
  readAhead?: ReadAhead[];
}

export interface IntentRules extends Rules {
  handle: MessageHandler;
  /**
   * It shows one person's data, so it is served in personal chat only. Elsewhere the person is
   * told so and, with 'nudge', also written to in their personal chat when CertLink can reach them.
   */
  personalOnly?: 'nudge' | 'quiet';
  /**
   * Its answer usually keeps a card in the conversation state (a confirmation): the state is read
   * beside the claim. Other turns read it only if they turn out to need it.
   */
  usesSession?: boolean;
}

export interface VerbRules extends Rules {
  handle: CardActionHandler;
}

export interface PublicVerbRules extends Rules {
  handle: PublicCardActionHandler;
}

export interface Feature<Intent extends string = string> {
  intents: Record<Intent, IntentRules>;
  /** Buttons of cards the feature issued (bot/features/pendingCards.ts). */
  verbs?: Record<string, VerbRules>;
  /**
   * Buttons on cards sent without a pending entry (proactive notices): they act only for the
   * person who clicks, on their own data, so they need no owner check; served in personal chat only.
   */
  publicVerbs?: Record<string, PublicVerbRules>;
}
