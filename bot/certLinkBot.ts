/**
 * The Teams activity handler: turns an activity into one handler call.
 * Order for a message: drop redeliveries → continue a sign-in in progress →
 * find the org of the tenant → recognise the intent → run its handler → reply.
 * For a card click: re-check who clicked, where, and that the card is live →
 * claim the click once → run the card's handler → replace the card.
 */
import {
  ActivityTypes,
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  CardFactory,
  ConversationState,
  INVOKE_RESPONSE_KEY,
  InvokeResponse,
  MessageFactory,
  SigninStateVerificationQuery,
  StatePropertyAccessor,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import { statementCard } from '../cards/cardModels';
import { AdaptiveCardAttachment } from '../cards/render';
import { ConcurrentUpdateError } from '../services/association/associationService';
import { Organization } from '../services/directory/types';
import { isStoreUnavailable } from '../services/errors';
import { Locale } from '../services/i18n/locale';
import { emailFromToken } from './dialogs/tokenIdentity';
import { SIGN_IN_DIALOG, SignInDialog } from './dialogs/signInDialog';
import { employeeHandlers } from './handlers/employee';
import { sharedChatHelpCard, showHelp, welcomeCard } from './handlers/employee/helpHandler';
import { LINK_CONFIRM, previewAfterSignIn } from './handlers/employee/linkHandler';
import { UNIVERSITY_USE_EMAIL } from './handlers/employee/universityHandler';
import { summarizeError } from './http/turnErrorGuard';
import {
  BotServices,
  CardActionHandler,
  FeatureHandlers,
  HandlerContext,
  MessageHandler,
  PublicCardActionHandler,
  Reply,
} from './handlers/handlerTypes';
import { ConversationRefStore } from '../services/notices/conversationRefStore';
import { personalConversationRef, RecentlySaved } from './teams/conversationRefs';
import { PendingCards, PendingCardsProperty } from './handlers/pendingCards';
import { TextKey } from './i18n/conversationText';
import { say } from './i18n/say';
import { IntentName } from './intents/intentPatterns';
import { recognizeIntent } from './intents/recognizeIntent';
import { hashUserId, Logger } from './logging';
import { ServedChannels, teamsIdentity } from './turn/teamsIdentity';
import { turnInfo, TurnInfo } from './turn/turnInfo';
import { onceKey } from '../services/kv/onceKey';
import { ReadAhead, TurnReads } from './turn/turnReads';
import type { PersonRateLimiter } from '../services/limits/personRateLimiter';
import type { PersonalNudge } from './proactive/personalNudge';

export type TurnOutcome = 'ok' | 'unavailable' | 'error' | 'duplicate' | 'refused' | 'rateLimited';

export interface CertLinkBotDeps {
  services: BotServices;
  conversationState: ConversationState;
  log: Logger;
  /** Feature handler sets beyond the employee's (admin, notices), checked in order. */
  features?: FeatureHandlers[];
  /** Where personal-chat references are kept for proactive notices; none = not kept. */
  conversationRefs?: Pick<ConversationRefStore, 'save' | 'forget'>;
  /** Which references were saved lately (shared with erasure, which must reset it). */
  savedRefs?: RecentlySaved;
  /** Told once per turn, when it ends: its intent (or card verb), outcome and duration, for metrics. */
  onTurn?: (intent: string, outcome: TurnOutcome, durationMs: number) => void;
  /** Per-person limit on link attempts and admin commands; none = unlimited. */
  rateLimiter?: Pick<PersonRateLimiter, 'allow'>;
  /** Writes to a person in their personal chat when they asked a personal question elsewhere; none = never. */
  personalNudge?: PersonalNudge;
  /** Channels served (default Teams only); see teamsIdentity.ts. */
  channels?: ServedChannels;
}

/** What one turn was about and how it ended; filled in as the turn goes, logged and reported at its end. */
interface TurnNote {
  intent: string;
  outcome: TurnOutcome;
}

const TURN_NOTE = Symbol('certlink.turnNote');
const TURN_READS = Symbol('certlink.turnReads');

/** Activity types as metric labels: a fixed set, so a caller cannot invent new series. */
const KNOWN_TYPES = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'typing', 'event', 'endOfConversation']);

/** How long a processed activity id is remembered: Teams redelivers within seconds. */
const ACTIVITY_MEMORY_SECONDS = 24 * 60 * 60;
const MAX_VERB_LENGTH = 100;

export class CertLinkBot extends TeamsActivityHandler {
  private readonly messages = new Map<IntentName, MessageHandler>();
  private readonly cardActions = new Map<string, CardActionHandler>();
  private readonly publicCardActions = new Map<string, PublicCardActionHandler>();
  private readonly savedRefs: RecentlySaved;
  private readonly personalOnly = new Set<IntentName>();
  private readonly sessionIntents = new Set<IntentName>();
  private readonly messageReads = new Map<IntentName, ReadAhead[]>();
  private readonly cardReads = new Map<string, ReadAhead[]>();
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly pendingCards: PendingCardsProperty;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: CertLinkBotDeps) {
    super();
    this.savedRefs = deps.savedRefs ?? new RecentlySaved();
    for (const feature of [employeeHandlers, ...(deps.features ?? [])]) {
      for (const [intent, handler] of Object.entries(feature.messages)) if (handler) this.messages.set(intent as IntentName, handler);
      for (const [verb, handler] of Object.entries(feature.cardActions)) this.cardActions.set(verb, handler);
      for (const [verb, handler] of Object.entries(feature.publicCardActions ?? {})) this.publicCardActions.set(verb, handler);
      for (const intent of feature.personalOnly ?? []) this.personalOnly.add(intent);
      for (const intent of feature.sessionIntents ?? []) this.sessionIntents.add(intent);
      for (const [intent, reads] of Object.entries(feature.readAhead?.messages ?? {})) if (reads) this.messageReads.set(intent as IntentName, reads);
      for (const [verb, reads] of Object.entries(feature.readAhead?.cardActions ?? {})) this.cardReads.set(verb, reads);
    }
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.pendingCards = deps.conversationState.createProperty('pendingCards');
    this.dialogs = new DialogSet(this.dialogState);
    if (deps.services.oauthConnectionName) {
      this.dialogs.add(
        new SignInDialog(
          deps.services.oauthConnectionName,
          (ctx) => {
            const locale = turnInfo(ctx).locale;
            return { title: say(locale, 'linkSignInPrompt'), text: say(locale, 'linkSignInPrompt') };
          },
          (ctx, token) => this.afterSignIn(ctx, token),
        ),
      );
    }

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      // Uninstalled: the bot can no longer write there, so the reference is forgotten.
      const ref = personalConversationRef(context);
      if (ref) {
        this.savedRefs.forgetPerson(ref.tenantId, ref.userId);
        await this.deps.conversationRefs?.forget(ref.tenantId, ref.userId);
      }
      // Installed again later (even the same day): welcomed again.
      await this.deps.services.once.release(welcomeKey(turnInfo(context)));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  /** Every turn: run, then save conversation state; a store outage becomes a polite reply. One log line and one metric per turn. */
  override async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    const type = context.activity?.type;
    const note: TurnNote = { intent: typeof type === 'string' && KNOWN_TYPES.has(type) ? type : 'other', outcome: 'ok' };
    context.turnState.set(TURN_NOTE, note);
    try {
      const identity = teamsIdentity(context.activity, this.deps.channels);
      if (!identity.ok) {
        // The HTTP route refuses these with a 403 before a turn starts; this holds for any other way in.
        note.outcome = 'refused';
        if (context.activity.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: 'invokeResponse', value: { status: 403, body: { code: 'Forbidden', message: identity.reason } } });
        }
        return;
      }
      if (isMalformedCardAction(context)) {
        note.outcome = 'refused';
        await context.sendActivity({ type: 'invokeResponse', value: { status: 400, body: badRequest('value.action must be an Action.Execute object') } });
        return;
      }
      await super.run(context);
      await this.deps.conversationState.saveChanges(context);
    } catch (err) {
      await this.handleFailure(context, err);
    } finally {
      const durationMs = performance.now() - started;
      // Ids only: the user is a keyed hash, never a name or an email (see logging.ts). The hash (an
      // HMAC, ~15 µs) is only made when the line will be written.
      if (this.deps.log.isLevelEnabled('info')) {
        const info = turnInfo(context);
        this.deps.log.info(
          { activityId: info.activityId, conversationId: info.conversationId, user: hashUserId(info.userId), intent: note.intent, outcome: note.outcome, ms: Math.round(durationMs) },
          'turn',
        );
      }
      this.deps.onTurn?.(note.intent, note.outcome, durationMs);
    }
  }

  private note(context: TurnContext, intent: string | null, outcome?: TurnOutcome): void {
    const note = context.turnState.get(TURN_NOTE) as TurnNote | undefined;
    if (!note) return;
    if (intent !== null) note.intent = intent;
    if (outcome) note.outcome = outcome;
  }

  /** True when the person may go on; otherwise they are told, in their language, and nothing is done. */
  private async withinRateLimit(context: TurnContext, kind: 'link' | 'admin', info: TurnInfo): Promise<boolean> {
    const limiter = this.deps.rateLimiter;
    if (!limiter || !info.tenantId || !info.userId) return true;
    if (await limiter.allow(kind, info.tenantId, info.userId)) return true;
    this.note(context, null, 'rateLimited');
    this.deps.log.warn({ activityId: info.activityId, user: hashUserId(info.userId), kind }, 'rate limit reached');
    return false;
  }

  private async handleFailure(context: TurnContext, err: unknown): Promise<void> {
    const info = turnInfo(context);
    const unavailable = isStoreUnavailable(err);
    const key: TextKey = unavailable ? 'unavailable' : err instanceof ConcurrentUpdateError ? 'tryAgain' : 'unavailable';
    this.deps.log[unavailable ? 'warn' : 'error'](
      { activityId: info.activityId, conversationId: info.conversationId, user: hashUserId(info.userId), err: summarizeError(err) },
      unavailable ? 'store unavailable during turn' : 'turn failed',
    );
    this.note(context, null, unavailable ? 'unavailable' : 'error');
    if (info.activityId && context.activity.type === ActivityTypes.Message) {
      // Nothing was changed, so a redelivery of the same activity may act.
      await this.deps.services.once.release(activityKey(info)).catch(() => undefined);
    }
    if (context.activity.type === ActivityTypes.Invoke) {
      if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
        const body = cardResponse(statementCard({ title: '', lines: [say(info.locale, key)] }));
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
      }
      return;
    }
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(say(info.locale, key)).catch(() => undefined);
  }

  /** The turn's shared reads, made on first use. */
  private reads(context: TurnContext, info: TurnInfo): TurnReads {
    let reads = context.turnState.get(TURN_READS) as TurnReads | undefined;
    if (!reads) {
      reads = new TurnReads(this.deps.services, context, { tenantId: info.tenantId, userId: info.userId });
      context.turnState.set(TURN_READS, reads);
    }
    return reads;
  }

  private handlerContext(context: TurnContext, info: TurnInfo, locale: Locale, org: Organization): HandlerContext {
    return {
      turn: context,
      info,
      locale,
      org,
      services: this.deps.services,
      pending: new PendingCards(this.pendingCards, context, () => this.deps.services.clock.now(), locale),
      reads: this.reads(context, info),
      beginSignIn: async () => {
        const dc = await this.dialogs.createContext(context);
        await dc.cancelAllDialogs();
        await dc.beginDialog(SIGN_IN_DIALOG);
      },
    };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const info = turnInfo(context);
    const recognized = recognizeIntent(context.activity.text);
    const org = this.deps.services.orgs.forTenant(info.tenantId);
    if (org && recognized.intent) this.readAheadFor(context, info, recognized.intent);
    // The handler's reads, and the conversation state when the turn will use it (a sign-in may be in
    // progress, or the answer is a confirmation card), go beside the once-only claim: one round trip
    // instead of several; a redelivery that loses the claim drops them. Other turns load the state on
    // first use, if ever (botbuilder's accessors do), and an unloaded state is neither hashed nor saved.
    const [claimed] = await Promise.all([
      info.activityId ? this.deps.services.once.claim(activityKey(info), ACTIVITY_MEMORY_SECONDS) : true,
      this.usesSession(recognized.intent) ? this.deps.conversationState.load(context) : undefined,
    ]);
    if (!claimed) {
      this.note(context, 'duplicate', 'duplicate');
      return;
    }
    if (this.deps.services.oauthConnectionName) {
      const dc = await this.dialogs.createContext(context);
      if (dc.activeDialog) {
        const result = await dc.continueDialog();
        if (result.status !== DialogTurnStatus.empty) return;
      }
    }
    const locale = !info.localeFromActivity && recognized.language ? recognized.language : info.locale;
    const intent = recognized.intent;
    this.note(context, intent ?? 'help');
    // Saved beside the turn, not before it: the reply does not wait for this write.
    const remembered = org ? this.rememberConversation(context, locale) : Promise.resolve();
    try {
      await this.answerMessage(context, info, locale, intent, org);
    } finally {
      await remembered.catch((err: unknown) => this.deps.log.warn({ err: String(err) }, 'could not save the conversation reference'));
    }
  }

  /** Starts what this intent's handler will read, if it will run here (see FeatureHandlers.readAhead). */
  private readAheadFor(context: TurnContext, info: TurnInfo, intent: IntentName): void {
    const ahead = this.messageReads.get(intent);
    if (ahead && this.servedHere(intent, info)) this.reads(context, info).start(ahead);
  }

  /** Whether a message turn will read the conversation state: a sign-in in progress, or a card to keep. */
  private usesSession(intent: IntentName | null): boolean {
    return this.deps.services.oauthConnectionName !== '' || (intent !== null && this.sessionIntents.has(intent));
  }

  /** Intents that show one person's data are served in personal chat only. */
  private servedHere(intent: IntentName, info: TurnInfo): boolean {
    return info.conversationType === 'personal' || !this.personalOnly.has(intent);
  }

  private async answerMessage(context: TurnContext, info: TurnInfo, locale: Locale, intent: IntentName | null, org: Organization | null): Promise<void> {
    if (!org) {
      await context.sendActivity(say(locale, 'unknownTenant', { tenantId: info.tenantId ?? '?' }));
      this.note(context, 'unknownTenant', 'refused');
      return;
    }
    if (intent && !this.servedHere(intent, info)) {
      // "stop notifications" said in a channel is not answered with a message in the personal chat.
      const nudge = intent === 'notices.stop' ? undefined : this.deps.personalNudge;
      const nudged = (await nudge?.(info.tenantId ?? '', info.userId).catch(() => false)) ?? false;
      await context.sendActivity(say(locale, nudged ? 'personalOnlyNudged' : 'personalOnly'));
      this.note(context, null, 'refused');
      return;
    }
    const limited = intent === 'link' || intent === 'university.link' ? 'link' : intent?.startsWith('admin.') ? 'admin' : null;
    if (limited && !(await this.withinRateLimit(context, limited, info))) {
      await context.sendActivity(say(locale, 'rateLimited'));
      return;
    }
    const handler = (intent && this.messages.get(intent)) || showHelp;
    const reply = await handler(this.handlerContext(context, info, locale, org));
    if (reply) await send(context, reply);
  }

  /** Keeps the person's personal-chat reference, so notices can reach them later. */
  private async rememberConversation(context: TurnContext, locale?: Locale): Promise<void> {
    const ref = personalConversationRef(context, locale);
    if (!ref || !this.deps.conversationRefs || !this.savedRefs.fresh(ref)) return;
    await this.deps.conversationRefs.save(ref);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const info = turnInfo(context);
    const verb: unknown = value?.action?.verb;
    const cardId: unknown = (value?.action?.data as { cardId?: unknown } | undefined)?.cardId;
    if (typeof verb !== 'string' || verb.length > MAX_VERB_LENGTH) {
      this.note(context, 'card.invalid', 'refused');
      return badRequest('action.verb must be a short string');
    }
    const publicAction = this.publicCardActions.get(verb);
    if (!publicAction && (typeof cardId !== 'string' || cardId.length > MAX_VERB_LENGTH)) {
      this.note(context, 'card.invalid', 'refused');
      return badRequest('action.data.cardId must be a short string');
    }
    // Only verbs this bot registered become metric labels.
    this.note(context, verb === 'card.cancel' || this.cardActions.has(verb) || publicAction ? verb : 'card.unknown');
    let locale = info.locale;
    const textCard = (key: TextKey, values: Record<string, string> = {}) => cardResponse(statementCard({ title: '', lines: [say(locale, key, values)] }));
    const org = this.deps.services.orgs.forTenant(info.tenantId);
    if (!org) {
      this.note(context, null, 'refused');
      return textCard('unknownTenant', { tenantId: info.tenantId ?? '?' });
    }
    const hc = this.handlerContext(context, info, locale, org);
    // What the handler will read goes beside the conversation state (the pending card) and the claim.
    const ahead = this.cardReads.get(verb) ?? [];
    hc.reads.start(ahead);

    if (publicAction) {
      // Notice cards go to the personal chat only; a click from anywhere else would show one
      // person's profile in a shared conversation, so it gets what a typed "link" gets there.
      if (info.conversationType !== 'personal') return textCard('personalOnly');
      // The only public action today starts a link (from a notice card): a link attempt.
      if (!(await this.withinRateLimit(context, 'link', info))) return textCard('rateLimited');
      return cardResponse(replyCard(await publicAction(hc)));
    }
    if (typeof cardId !== 'string') return badRequest('action.data.cardId must be a short string');

    const found = await hc.pending.lookup(cardId, verb, info.userId, info.tenantId);
    if (found.kind === 'notYours') {
      this.note(context, null, 'refused');
      return textCard('notYourCard');
    }
    const handler = verb === 'card.cancel' ? null : this.cardActions.get(verb);
    if (found.kind === 'stale' || (verb !== 'card.cancel' && !handler)) {
      this.note(context, null, 'refused');
      // A card used more than 15 minutes ago looks stale here; tell a late second click apart by its claim (looking takes none).
      return textCard((await this.deps.services.once.isClaimed(clickKey(cardId))) ? 'alreadyDone' : 'staleCard');
    }
    // A client in a language CertLink does not speak: the click is answered in the card's language.
    if (!info.localeFromActivity && found.card.locale) locale = hc.locale = found.card.locale;
    // Now the card is known: what it is about (its MCID's record and profile), beside the rate limit and the claim.
    hc.reads.start(ahead, found.card);
    const limited = verb === LINK_CONFIRM || verb === UNIVERSITY_USE_EMAIL ? 'link' : verb.startsWith('admin.') ? 'admin' : null;
    // The rate limit and the once-only claim are asked together; a refused click gives its claim back.
    const [allowed, claimed] = await Promise.all([
      limited ? this.withinRateLimit(context, limited, info) : Promise.resolve(true),
      this.deps.services.once.claim(clickKey(cardId), ACTIVITY_MEMORY_SECONDS),
    ]);
    if (!allowed) {
      if (claimed) await this.deps.services.once.release(clickKey(cardId));
      return textCard('rateLimited');
    }
    if (!claimed) {
      this.note(context, null, 'duplicate');
      return textCard('alreadyDone');
    }
    try {
      // The card stays in the conversation state until it expires (15 minutes): its claim, kept for a
      // day, already makes it single-use, and leaving it spares the turn a state write.
      if (!handler) return textCard('cancelled');
      const reply = await handler(hc, found.card);
      return cardResponse(replyCard(reply));
    } catch (err) {
      // Nothing was written (each write is one atomic step), so the same card may be tried again.
      await this.deps.services.once.release(clickKey(cardId)).catch(() => undefined);
      throw err;
    }
  }

  /**
   * botbuilder answers an invoke it has no handler for with 501; the channel (and a
   * monitor counting 5xx) would read that as our failure. It is the caller's: 400.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response?.status !== 501) return response;
    this.note(context, 'invoke.unknown', 'refused');
    return { status: 400, body: { code: 'BadRequest', message: 'This bot does not handle this invoke' } };
  }

  protected override async handleTeamsSigninVerifyState(context: TurnContext, _query: SigninStateVerificationQuery): Promise<void> {
    await this.continueSignIn(context);
  }

  protected override async handleTeamsSigninTokenExchange(context: TurnContext, _query: SigninStateVerificationQuery): Promise<void> {
    await this.continueSignIn(context);
  }

  private async continueSignIn(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    await dc.continueDialog();
  }

  private async afterSignIn(context: TurnContext, token: string | null): Promise<void> {
    const info = turnInfo(context);
    const org = this.deps.services.orgs.forTenant(info.tenantId);
    if (!org) return;
    if (!token) {
      await context.sendActivity(say(info.locale, 'linkSignInFailed'));
      return;
    }
    const email = emailFromToken(token);
    const profile = email ? await this.deps.services.profiles.findByEmail(email) : null;
    if (!profile) {
      await context.sendActivity(say(info.locale, 'linkSignInNoProfile'));
      return;
    }
    await send(context, await previewAfterSignIn(this.handlerContext(context, info, info.locale, org), profile));
  }

  private async welcome(context: TurnContext): Promise<void> {
    const info = turnInfo(context);
    // Teams sends both installationUpdate and conversationUpdate on install: welcome once.
    if (!(await this.deps.services.once.claim(welcomeKey(info), ACTIVITY_MEMORY_SECONDS))) return;
    const org = this.deps.services.orgs.forTenant(info.tenantId);
    if (!org) {
      await context.sendActivity(say(info.locale, 'unknownTenant', { tenantId: info.tenantId ?? '?' }));
      return;
    }
    await this.rememberConversation(context);
    // Added to a team or a group chat: what the admins can ask there, not the personal commands.
    const card = info.conversationType === 'personal' ? welcomeCard(info.locale, org.name) : sharedChatHelpCard(info.locale, org.name, 'welcome');
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
  }
}

/** botbuilder itself would throw on these before our handler could answer. */
function isMalformedCardAction(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type !== ActivityTypes.Invoke || a.name !== 'adaptiveCard/action') return false;
  const action = (a.value as { action?: unknown } | undefined)?.action;
  return !action || typeof action !== 'object' || (action as { type?: unknown }).type !== 'Action.Execute';
}

function badRequest(message: string): AdaptiveCardInvokeResponse {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } } as AdaptiveCardInvokeResponse;
}

function welcomeKey(info: TurnInfo): string {
  return onceKey('welcome', info.conversationId);
}

function activityKey(info: TurnInfo): string {
  return onceKey('activity', info.conversationId, info.activityId ?? '');
}

function clickKey(cardId: string): string {
  return onceKey('click', cardId);
}

function replyCard(reply: Reply): AdaptiveCardAttachment {
  return 'card' in reply ? reply.card : statementCard({ title: '', lines: [reply.text] });
}

function cardResponse(card: AdaptiveCardAttachment): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: card.contentType, value: card.content } as AdaptiveCardInvokeResponse;
}

async function send(context: TurnContext, reply: Reply): Promise<void> {
  if ('card' in reply) await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reply.card.content)));
  else await context.sendActivity(reply.text);
}

export type { InvokeResponse };
