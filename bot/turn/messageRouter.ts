/**
 * A typed message: drop a redelivery, let a sign-in in progress take it, find the org of the
 * tenant, recognise the intent, apply its feature's rules (personal chat only, rate limit), run
 * its handler, reply.
 */
import { Organization } from '../../services/directory/types';
import { OrgDirectory } from '../../services/directory/orgDirectory';
import { Locale } from '../../services/i18n/locale';
import type { IntentRules } from '../features/feature';
import type { IntentName } from '../features/priority';
import { say } from '../../services/i18n/say';
import { recognizeIntent } from '../features/recognizeIntent';
import type { PersonalNudge } from '../proactive/personalNudge';
import { ConversationMemory } from './conversationRefs';
import { safeReply } from './safeReply';
import { ACTIVITY_MEMORY_SECONDS, readsFor, ScopeDeps, TurnScope } from './turnScope';

export interface MessageRouterDeps extends ScopeDeps {
  orgs: OrgDirectory;
  /** Sign-in is configured: every message reads the conversation state, a sign-in may be in progress. */
  signIn: boolean;
  memory: ConversationMemory;
  /** Writes to a person in their personal chat when they asked a personal question elsewhere; none = never. */
  personalNudge?: PersonalNudge;
}

export class MessageRouter {
  constructor(
    private readonly deps: MessageRouterDeps,
    private readonly intents: ReadonlyMap<string, IntentRules>,
  ) {}

  async route(scope: TurnScope): Promise<void> {
    const { info, turn } = scope;
    const recognized = recognizeIntent(turn.activity.text);
    const org = this.deps.orgs.forTenant(info.tenantId);
    const rules = recognized.intent ? this.intents.get(recognized.intent) : undefined;
    if (org && rules && this.servedHere(rules, scope)) scope.reads.start(readsFor(rules));
    // The handler's reads, and the conversation state when the turn will use it (a sign-in may be in
    // progress, or the answer is a confirmation card), go beside the once-only claim: one round trip
    // instead of several; a redelivery that loses the claim drops them. Other turns load the state on
    // first use, if ever, and an unloaded state is neither hashed nor saved.
    const [claimed] = await Promise.all([info.activityId ? this.deps.once.claim(scope.activityKey, ACTIVITY_MEMORY_SECONDS) : true, this.deps.signIn || rules?.usesSession ? turn.session.load() : undefined]);
    if (!claimed) {
      scope.note('duplicate', 'duplicate');
      return;
    }
    if (this.deps.signIn && (await turn.continueSignIn())) return;
    const locale = !info.localeFromActivity && recognized.language ? recognized.language : info.locale;
    scope.note(recognized.intent ?? 'help');
    // Saved beside the turn, not before it: the reply does not wait for this write.
    const remembered = org ? this.deps.memory.remember(turn.activity, locale) : Promise.resolve();
    try {
      await this.answer(scope, locale, recognized.intent, rules, org);
    } finally {
      await remembered.catch((err: unknown) => this.deps.log.warn({ err: String(err) }, 'could not save the conversation reference'));
    }
  }

  /** Intents that show one person's data are served in personal chat only. */
  private servedHere(rules: IntentRules, scope: TurnScope): boolean {
    return scope.info.conversationType === 'personal' || !rules.personalOnly;
  }

  private async answer(scope: TurnScope, locale: Locale, intent: IntentName | null, rules: IntentRules | undefined, org: Organization | null): Promise<void> {
    const { turn, info } = scope;
    if (!org) {
      await turn.send(safeReply({ text: say(locale, 'unknownTenant', { tenantId: info.tenantId ?? '?' }) }));
      scope.note('unknownTenant', 'refused');
      return;
    }
    if (rules && !this.servedHere(rules, scope)) {
      const nudge = rules.personalOnly === 'nudge' ? this.deps.personalNudge : undefined;
      const nudged = (await nudge?.(info.tenantId ?? '', info.userId).catch(() => false)) ?? false;
      await turn.send({ text: say(locale, nudged ? 'personalOnlyNudged' : 'personalOnly') });
      scope.note(null, 'refused');
      return;
    }
    // Anything not understood gets the help, which is for everyone.
    const refusal = rules ? await scope.audienceRefusal(rules.audience) : null;
    if (refusal) {
      await turn.send(safeReply({ text: say(locale, refusal, { org: org.name }) }));
      scope.note(null, 'refused');
      return;
    }
    if (rules?.rateLimit && !(await scope.withinRateLimit(rules.rateLimit))) {
      await turn.send({ text: say(locale, 'rateLimited') });
      return;
    }
    const handler = (intent && rules?.handle) || this.intents.get('help')?.handle;
    const reply = handler ? await handler(scope.handlerContext(locale, org)) : null;
    if (reply) await turn.send(safeReply(reply));
  }
}
