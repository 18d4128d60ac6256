/**
 * Every turn, whatever it carries: the identity Teams proves, then the activity's route (a
 * message, a card click, an install), then the conversation state saved; a failure becomes a
 * polite reply in the person's language. One log line and one metric per turn.
 */
import { statementCard } from '../../cards/cardModels';
import { ConcurrentUpdateError } from '../../services/association/associationService';
import { isStoreUnavailable } from '../../services/errors';
import type { Feature, IntentRules, PublicVerbRules, VerbRules } from '../features/feature';
import { say, TextKey } from '../../services/i18n/say';
import { hashUserId } from '../logging';
import { summarizeError } from '../runtime/errorSummary';
import type { CardAction, CardActionAnswer, ChannelAccount, SignInKind, Turn, TurnHandler } from '../runtime/turn';
import { badRequestBody, cardBody } from '../runtime/universalActions';
import { CardActionRouter } from './cardActionRouter';
import { Lifecycle, LifecycleDeps } from './lifecycle';
import { MessageRouter, MessageRouterDeps } from './messageRouter';
import { afterSignIn, SignInDeps } from './signIn';
import { ServedChannels, teamsIdentity } from './teamsIdentity';
import { TurnOutcome, TurnScope } from './turnScope';

export interface PipelineDeps extends MessageRouterDeps, LifecycleDeps, SignInDeps {
  /** Every feature's intents and card verbs, with their rules. */
  features: Feature[];
  /** Told once per turn, when it ends: its intent (or card verb), outcome and duration, for metrics. */
  onTurn?: (intent: string, outcome: TurnOutcome, durationMs: number) => void;
  /** Channels served (default Teams only); see teamsIdentity.ts. */
  channels?: ServedChannels;
}

/** Activity types as metric labels: a fixed set, so a caller cannot invent new series. */
const KNOWN_TYPES = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'typing', 'event', 'endOfConversation']);

export class TurnPipeline implements TurnHandler {
  private readonly scopes = new WeakMap<Turn, TurnScope>();
  private readonly messages: MessageRouter;
  private readonly cards: CardActionRouter;
  private readonly lifecycle: Lifecycle;

  constructor(private readonly deps: PipelineDeps) {
    const intents = new Map<string, IntentRules>();
    const verbs = new Map<string, VerbRules>();
    const publicVerbs = new Map<string, PublicVerbRules>();
    for (const feature of deps.features) {
      for (const [intent, rules] of Object.entries<IntentRules>(feature.intents)) intents.set(intent, rules);
      for (const [verb, rules] of Object.entries(feature.verbs ?? {})) verbs.set(verb, rules);
      for (const [verb, rules] of Object.entries(feature.publicVerbs ?? {})) publicVerbs.set(verb, rules);
    }
    this.messages = new MessageRouter(deps, intents);
    this.cards = new CardActionRouter(deps, { verbs, publicVerbs });
    this.lifecycle = new Lifecycle(deps);
  }

  async run(turn: Turn, dispatch: () => Promise<void>): Promise<void> {
    const started = performance.now();
    const type = turn.activity?.type;
    const scope = new TurnScope(turn, this.deps, typeof type === 'string' && KNOWN_TYPES.has(type) ? type : 'other');
    this.scopes.set(turn, scope);
    try {
      const identity = teamsIdentity(turn.activity, this.deps.channels);
      if (!identity.ok) {
        // The HTTP route refuses these with a 403 before a turn starts; this holds for any other way in.
        scope.note(null, 'refused');
        if (type === 'invoke') await turn.respond(403, { code: 'Forbidden', message: identity.reason });
        return;
      }
      if (isMalformedCardAction(turn)) {
        scope.note(null, 'refused');
        await turn.respond(400, badRequestBody('value.action must be an Action.Execute object'));
        return;
      }
      await dispatch();
      await turn.session.save();
    } catch (err) {
      await this.failed(scope, err);
    } finally {
      const durationMs = performance.now() - started;
      // Ids only: the user is a keyed hash, never a name or an email (see logging.ts). The hash is
      // only made when the line will be written.
      if (this.deps.log.isLevelEnabled('info')) {
        const { info } = scope;
        this.deps.log.info({ activityId: info.activityId, conversationId: info.conversationId, user: hashUserId(info.userId), intent: scope.intent, outcome: scope.outcome, ms: Math.round(durationMs) }, 'turn');
      }
      this.deps.onTurn?.(scope.intent, scope.outcome, durationMs);
    }
  }

  message(turn: Turn): Promise<void> {
    return this.messages.route(this.scope(turn));
  }

  cardAction(turn: Turn, action: CardAction): Promise<CardActionAnswer> {
    return this.cards.route(this.scope(turn), action);
  }

  unhandledInvoke(turn: Turn): { status: number; body: unknown } {
    this.scope(turn).note('invoke.unknown', 'refused');
    return { status: 400, body: { code: 'BadRequest', message: 'This bot does not handle this invoke' } };
  }

  installed(turn: Turn): Promise<void> {
    return this.lifecycle.installed(this.scope(turn));
  }

  uninstalled(turn: Turn): Promise<void> {
    return this.lifecycle.uninstalled(this.scope(turn));
  }

  membersAdded(turn: Turn, members: ChannelAccount[]): Promise<void> {
    return this.lifecycle.membersAdded(this.scope(turn), members);
  }

  signInPrompt(turn: Turn, kind: SignInKind = 'learning'): string {
    return say(this.scope(turn).info.locale, kind === 'university' ? 'uniSignInPrompt' : 'linkSignInPrompt');
  }

  signedIn(turn: Turn, token: string | null, kind: SignInKind = 'learning'): Promise<void> {
    return afterSignIn(this.deps, this.scope(turn), token, kind);
  }

  /** The turn's scope; a runtime that calls an event outside run() gets a fresh one. */
  private scope(turn: Turn): TurnScope {
    let scope = this.scopes.get(turn);
    if (!scope) {
      scope = new TurnScope(turn, this.deps, 'other');
      this.scopes.set(turn, scope);
    }
    return scope;
  }

  /** Nothing was changed: the person is told so in their language, and a redelivery may act. */
  private async failed(scope: TurnScope, err: unknown): Promise<void> {
    const { info, turn } = scope;
    const unavailable = isStoreUnavailable(err);
    const key: TextKey = unavailable ? 'unavailable' : err instanceof ConcurrentUpdateError ? 'tryAgain' : 'unavailable';
    this.deps.log[unavailable ? 'warn' : 'error'](
      { activityId: info.activityId, conversationId: info.conversationId, user: hashUserId(info.userId), err: summarizeError(err) },
      unavailable ? 'store unavailable during turn' : 'turn failed',
    );
    scope.note(null, unavailable ? 'unavailable' : 'error');
    const type = turn.activity.type;
    if (info.activityId && type === 'message') {
      await this.deps.once.release(scope.activityKey).catch(() => undefined);
    }
    if (type === 'invoke') {
      if (!turn.responded) await turn.respond(200, cardBody(statementCard({ title: '', lines: [say(info.locale, key)] })));
      return;
    }
    if (type === 'message') await turn.send({ text: say(info.locale, key) }).catch(() => undefined);
  }
}

/** botbuilder itself would throw on these before a handler could answer. */
function isMalformedCardAction(turn: Turn): boolean {
  const a = turn.activity;
  if (a.type !== 'invoke' || a.name !== 'adaptiveCard/action') return false;
  const action = (a.value as { action?: unknown } | undefined)?.action;
  return !action || typeof action !== 'object' || (action as { type?: unknown }).type !== 'Action.Execute';
}
