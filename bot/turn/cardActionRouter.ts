/**
 * A click on a card (Universal Actions): re-check who clicked, where, and that the card is live,
 * claim the click once, apply its feature's rules, run the card's handler, and answer with the
 * card that replaces it.
 */
import { statementCard } from '../../cards/cardModels';
import { OrgDirectory } from '../../services/directory/orgDirectory';
import type { PublicVerbRules, Reply, VerbRules } from '../features/feature';
import { say, TextKey } from '../../services/i18n/say';
import type { CardAction, CardActionAnswer } from '../runtime/turn';
import { ACTIVITY_MEMORY_SECONDS, clickKey, readsFor, ScopeDeps, TurnScope } from './turnScope';

export interface CardActionRouterDeps extends ScopeDeps {
  orgs: OrgDirectory;
}

export interface Verbs {
  verbs: ReadonlyMap<string, VerbRules>;
  publicVerbs: ReadonlyMap<string, PublicVerbRules>;
}

/** Every card with Confirm offers Cancel: it ends the card, and changes nothing. */
export const CARD_CANCEL = 'card.cancel';
const MAX_VERB_LENGTH = 100;

export class CardActionRouter {
  constructor(
    private readonly deps: CardActionRouterDeps,
    private readonly known: Verbs,
  ) {}

  async route(scope: TurnScope, action: CardAction): Promise<CardActionAnswer> {
    const { info } = scope;
    const { verb } = action;
    const cardId: unknown = (action.data as { cardId?: unknown } | undefined)?.cardId;
    if (typeof verb !== 'string' || verb.length > MAX_VERB_LENGTH) {
      scope.note('card.invalid', 'refused');
      return { badRequest: 'action.verb must be a short string' };
    }
    const publicVerb = this.known.publicVerbs.get(verb);
    if (!publicVerb && (typeof cardId !== 'string' || cardId.length > MAX_VERB_LENGTH)) {
      scope.note('card.invalid', 'refused');
      return { badRequest: 'action.data.cardId must be a short string' };
    }
    const rules = this.known.verbs.get(verb);
    // Only verbs this bot registered become metric labels.
    scope.note(verb === CARD_CANCEL || rules || publicVerb ? verb : 'card.unknown');
    let locale = info.locale;
    const textCard = (key: TextKey, values: Record<string, string> = {}) => answer({ text: say(locale, key, values) });
    const org = this.deps.orgs.forTenant(info.tenantId);
    if (!org) {
      scope.note(null, 'refused');
      return textCard('unknownTenant', { tenantId: info.tenantId ?? '?' });
    }
    const hc = scope.handlerContext(locale, org);
    // What the handler will read goes beside the conversation state (the pending card) and the claim.
    const verbRules = publicVerb ?? rules;
    const ahead = verbRules ? readsFor(verbRules) : [];
    hc.reads.start(ahead);

    if (publicVerb) {
      // Public cards go to the personal chat only; a click from anywhere else would show one
      // person's data in a shared conversation, so it gets what a typed command gets there.
      if (info.conversationType !== 'personal') return textCard('personalOnly');
      const refusal = await scope.audienceRefusal(publicVerb.audience);
      if (refusal) {
        scope.note(null, 'refused');
        return textCard(refusal, { org: org.name });
      }
      if (publicVerb.rateLimit && !(await scope.withinRateLimit(publicVerb.rateLimit))) return textCard('rateLimited');
      return answer(await publicVerb.handle(hc));
    }
    if (typeof cardId !== 'string') return { badRequest: 'action.data.cardId must be a short string' };

    const found = await hc.pending.lookup(cardId, verb, info.userId, info.tenantId);
    if (found.kind === 'notYours') {
      scope.note(null, 'refused');
      return textCard('notYourCard');
    }
    if (found.kind === 'stale' || (verb !== CARD_CANCEL && !rules)) {
      scope.note(null, 'refused');
      // A card used more than 15 minutes ago looks stale here; tell a late second click apart by its claim (looking takes none).
      return textCard((await this.deps.once.isClaimed(clickKey(cardId))) ? 'alreadyDone' : 'staleCard');
    }
    // A client in a language CertLink does not speak: the click is answered in the card's language.
    if (!info.localeFromActivity && found.card.locale) locale = hc.locale = found.card.locale;
    // Now the card is known: what it is about (its MCID's record and profile), beside the rate limit and the claim.
    hc.reads.start(ahead, found.card);
    // A guest, or an account Teams did not confirm, changes nothing for the organization (the card may predate the check).
    const refusal = verb === CARD_CANCEL ? null : await scope.audienceRefusal(rules?.audience);
    if (refusal) {
      scope.note(null, 'refused');
      return textCard(refusal, { org: org.name });
    }
    const limit = verb === CARD_CANCEL ? undefined : rules?.rateLimit;
    // The rate limit and the once-only claim are asked together; a refused click gives its claim back.
    const [allowed, claimed] = await Promise.all([limit ? scope.withinRateLimit(limit) : Promise.resolve(true), this.deps.once.claim(clickKey(cardId), ACTIVITY_MEMORY_SECONDS)]);
    if (!allowed) {
      if (claimed) await this.deps.once.release(clickKey(cardId));
      return textCard('rateLimited');
    }
    if (!claimed) {
      scope.note(null, 'duplicate');
      return textCard('alreadyDone');
    }
    try {
      // The card stays in the conversation state until it expires (15 minutes): its claim, kept for a
      // day, already makes it single-use, and leaving it spares the turn a state write.
      if (verb === CARD_CANCEL || !rules) return textCard('cancelled');
      return answer(await rules.handle(hc, found.card));
    } catch (err) {
      // Nothing was written (each write is one atomic step), so the same card may be tried again.
      await this.deps.once.release(clickKey(cardId)).catch(() => undefined);
      throw err;
    }
  }
}

/** A reply as the card that replaces the clicked one. */
function answer(reply: Reply): CardActionAnswer {
  return { card: 'card' in reply ? reply.card : statementCard({ title: '', lines: [reply.text] }) };
}
