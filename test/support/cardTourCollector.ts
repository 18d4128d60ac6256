/** What the card tour (test/support/cardTour.ts) keeps of each step: the cards, their sizes, their buttons. */
import { Activity } from 'botbuilder';
import { cardActions } from './conversationHarness';
import { Harness, Language } from './cardTourScenes';

/** One card as it went out, and where in which conversation. */
export interface SentCard {
  where: string;
  language: Language;
  card: Record<string, unknown>;
  /** The whole message that carried it (activity, invoke response body or proactive card), in UTF-8 bytes. */
  bytes: number;
  /** The file in cards/ it was expanded from; undefined for a card built otherwise. */
  template?: string;
}

/** Cards in some replies (attachments of Adaptive Card type). */
export function cardsOf(replies: Partial<Activity>[]): Record<string, unknown>[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Record<string, unknown>));
}

export interface Press {
  title: string;
  verb?: string;
  cardId?: string;
  /** A menu button (messageBack): what it sends as if typed. */
  text?: string;
}

/** Every button that sends something (links open a browser and send nothing), in the order of the cards. */
export function actionsOf(cards: Record<string, unknown>[]): Press[] {
  return cardActions(cards).flatMap((a): Press[] => {
    if (a.type === 'Action.Execute' && a.verb) return [{ title: a.title ?? '', verb: a.verb, cardId: a.data?.cardId ?? '' }];
    if (a.type === 'Action.Submit' && a.data?.msteams?.type === 'messageBack' && a.data.msteams.text) return [{ title: a.title ?? '', text: a.data.msteams.text }];
    return [];
  });
}

export const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');

/** One step's outcome: the cards sent, each with the size of the message that carried it. */
export interface Step {
  cards: { card: Record<string, unknown>; bytes: number }[];
}

export class Collector {
  readonly cards: SentCard[] = [];
  readonly otherAttachments = new Map<string, number>();
  steps = 0;

  replies(replies: Partial<Activity>[]): Step {
    this.steps++;
    const cards: Step['cards'] = [];
    for (const r of replies) {
      for (const a of r.attachments ?? []) {
        if (a.contentType === 'application/vnd.microsoft.card.adaptive') cards.push({ card: a.content as Record<string, unknown>, bytes: bytes(r) });
        else this.otherAttachments.set(a.contentType, (this.otherAttachments.get(a.contentType) ?? 0) + 1);
      }
    }
    return { cards };
  }

  invoke(out: { body?: { type?: string; value?: unknown }; others: Partial<Activity>[] }): Step {
    const step = this.replies(out.others);
    if (out.body?.type === 'application/vnd.microsoft.card.adaptive') step.cards.push({ card: out.body.value as Record<string, unknown>, bytes: bytes(out.body) });
    return step;
  }

  keep(where: string, language: Language, step: Step): void {
    for (const c of step.cards) this.cards.push({ where, language, ...c });
  }

  /** Proactive cards the notice transport recorded since `from`. */
  notices(h: Harness, from: number, where: string, language: Language): void {
    for (const n of h.sentNotices.slice(from)) this.cards.push({ where: `${where} (proactive, to ${n.ref.userId})`, language, card: n.card.content, bytes: bytes(n.card) });
  }
}

export const cardsIn = (step: Step) => step.cards.map((x) => x.card);
