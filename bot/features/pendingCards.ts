/**
 * Cards waiting for a click, kept in the conversation state (so on Redis, and
 * visible to any bot process). A card's data carries only its id:
 * what the click does, and for whom, is read back from here, never from the
 * click's payload, so a forged payload can name nothing it was not given.
 * A card is not removed when used: the bot's once-only claim of the click makes
 * it single-use, and it leaves with the next card issued after it expires.
 */
import { randomUUID } from 'node:crypto';
import { Locale } from '../../services/i18n/locale';
import type { TurnSession } from '../runtime/turn';

export interface PendingCard {
  cardId: string;
  /** Verbs this card may send back (its buttons). */
  verbs: string[];
  forUser: string;
  tenantId: string;
  expiresAt: string;
  /** What the card is about, as the handler that issued it needs it back. */
  payload: Record<string, string>;
  /** The language the card was written in: its click is answered in it when the client's is not one CertLink speaks. */
  locale?: Locale;
}

export type PendingLookup = { kind: 'ok'; card: PendingCard } | { kind: 'stale' } | { kind: 'notYours' };

export const CARD_LIFETIME_MINUTES = 15;
const MAX_PENDING = 20;

type PendingMap = Record<string, PendingCard>;

/** The conversation-state property the cards live in. */
const PROPERTY = 'pendingCards';

export class PendingCards {
  constructor(
    private readonly session: TurnSession,
    private readonly now: () => Date,
    /** The language of the turn's replies, recorded on each card issued. */
    private readonly locale?: Locale,
  ) {}

  private async map(): Promise<PendingMap> {
    return (await this.session.get<PendingMap>(PROPERTY, {})) ?? {};
  }

  async issue(card: Omit<PendingCard, 'cardId' | 'expiresAt'>): Promise<string> {
    const map = await this.map();
    const now = this.now().getTime();
    const live = Object.values(map)
      .filter((c) => new Date(c.expiresAt).getTime() > now)
      .slice(-(MAX_PENDING - 1));
    const cardId = randomUUID();
    const next: PendingMap = {};
    for (const c of live) next[c.cardId] = c;
    next[cardId] = { ...card, cardId, locale: this.locale, expiresAt: new Date(now + CARD_LIFETIME_MINUTES * 60_000).toISOString() };
    await this.session.set(PROPERTY, next);
    return cardId;
  }

  /** Whether a card issued to this person in this conversation can still be clicked (used or not). */
  async hasLiveCardFor(userId: string): Promise<boolean> {
    const now = this.now().getTime();
    return Object.values(await this.map()).some((c) => c.forUser === userId && new Date(c.expiresAt).getTime() > now);
  }

  async lookup(cardId: string, verb: string, userId: string, tenantId: string | null): Promise<PendingLookup> {
    const map = await this.map();
    // Own keys only: a card id such as "valueOf" or "__proto__" must not find Object.prototype's members.
    const card = Object.prototype.hasOwnProperty.call(map, cardId) ? map[cardId] : undefined;
    if (!card || new Date(card.expiresAt) <= this.now() || !card.verbs.includes(verb)) return { kind: 'stale' };
    if (card.forUser !== userId || !tenantId || card.tenantId.toLowerCase() !== tenantId.toLowerCase()) return { kind: 'notYours' };
    return { kind: 'ok', card };
  }
}
