/**
 * The turn as CertLink sees it, whatever SDK carries it: who spoke and where, what was said or
 * clicked, and what the bot can do about it (reply, answer a click with a new card, keep
 * conversation state, look up members, start a sign-in). A runtime (bot/runtime/botbuilder/)
 * implements Turn, runs the HTTP endpoint and proactive sends, and calls a TurnHandler for each
 * activity; features, cards and services know only these types.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AdaptiveCardAttachment } from '../../cards/render';
import type { DocumentStore } from '../../services/kv/documentStore';
import type { NoticeTransport } from '../../services/notices/types';

/** An account as the Bot Framework protocol names it. */
export interface ChannelAccount {
  id?: string;
  aadObjectId?: string;
  name?: string;
}

/**
 * The activity's fields CertLink reads, as the channel sent them: the HTTP route has checked
 * their shape (bot/http/activityValidation.ts), and nothing else about them is trusted.
 */
export interface ChannelActivity {
  type?: string;
  id?: string;
  name?: string;
  text?: string;
  locale?: string;
  channelId?: string;
  serviceUrl?: string;
  from?: ChannelAccount;
  recipient?: ChannelAccount;
  conversation?: { id?: string; tenantId?: string; conversationType?: string };
  channelData?: unknown;
  entities?: { type?: string; mentioned?: { id?: unknown; name?: unknown } }[];
  value?: unknown;
  membersAdded?: ChannelAccount[];
}

/** What a handler answers: a text, or an Adaptive Card. */
export type Reply = { card: AdaptiveCardAttachment } | { text: string };

/** The fields of a Teams member CertLink reads. */
export interface TeamsMember {
  id?: string;
  aadObjectId?: string;
  /** Display name. */
  name?: string;
  email?: string;
  userPrincipalName?: string;
  /** 'user', or 'guest' for a B2B guest of the tenant ('anonymous' in meetings). */
  userRole?: string;
  tenantId?: string;
}

export interface TurnMembers {
  /** One member of this conversation (of the team, in a channel), or null when Teams has none, refuses or is slow: never a throw. */
  get(userId: string, options?: { timeoutMs?: number }): Promise<TeamsMember | null>;
  /** The team's members, a page at a time (Teams' paged members API). */
  pages(pageSize: number): AsyncIterable<TeamsMember[]>;
  /** Opens a personal chat between the bot and a member of this team: its conversation id, or null. */
  openPersonalChat(teamsUserId: string, tenantId: string): Promise<string | null>;
}

/**
 * The conversation's state (cards waiting for a click, a sign-in in progress), kept on the
 * backend's document store so any bot process can continue the conversation.
 */
export interface TurnSession {
  /** Reads the state now, beside other reads; a property read later waits for nothing. */
  load(): Promise<void>;
  /** A property's value; with `initial`, a missing one is set to a copy of it. */
  get<T>(property: string, initial?: T): Promise<T | undefined>;
  set<T>(property: string, value: T): Promise<void>;
  /** Writes the state if the turn changed it. */
  save(): Promise<void>;
  /** Deletes the conversation's state. */
  clear(): Promise<void>;
}

export interface Turn {
  readonly activity: ChannelActivity;
  /** Sends a message into the conversation. */
  send(reply: Reply): Promise<void>;
  /** Answers an invoke with this HTTP status and body; once per turn. */
  respond(status: number, body?: unknown): Promise<void>;
  /** Whether the invoke was answered already. */
  readonly responded: boolean;
  readonly session: TurnSession;
  readonly members: TurnMembers;
  /**
   * Starts a sign-in (the runtime's OAuth prompt): 'learning' (default) for "sign in with another
   * Microsoft Learning account", 'university' for the Partner University account, each on its own connection.
   */
  beginSignIn(kind?: SignInKind): Promise<void>;
  /** Lets a sign-in in progress take this activity: true when it did. */
  continueSignIn(): Promise<boolean>;
}

/** Which account a sign-in proves: a Microsoft Learning account (an MCID) or a Partner University account. */
export type SignInKind = 'learning' | 'university';

/** The answer to a card click (Universal Actions): the card that replaces the clicked one, or a 400. */
export type CardActionAnswer = { card: AdaptiveCardAttachment } | { badRequest: string };

/** A click's Action.Execute, as the invoke carries it. */
export interface CardAction {
  verb: unknown;
  data: unknown;
}

/**
 * What a runtime calls. `run` wraps every turn: the runtime passes its own routing as
 * `dispatch`, which calls back the event methods below.
 */
export interface TurnHandler {
  run(turn: Turn, dispatch: () => Promise<void>): Promise<void>;
  message(turn: Turn): Promise<void>;
  cardAction(turn: Turn, action: CardAction): Promise<CardActionAnswer>;
  /** An invoke CertLink does not handle: the caller's mistake, answered 400. */
  unhandledInvoke(turn: Turn): { status: number; body: unknown };
  installed(turn: Turn): Promise<void>;
  uninstalled(turn: Turn): Promise<void>;
  membersAdded(turn: Turn, members: ChannelAccount[]): Promise<void>;
  /** The OAuth prompt's text, in the person's language. */
  signInPrompt(turn: Turn, kind: SignInKind): string;
  /** The sign-in ended: the token from the token service, or null when it did not complete. */
  signedIn(turn: Turn, token: string | null, kind: SignInKind): Promise<void>;
}

/** What POST /api/messages answers. */
export interface EndpointAnswer {
  status: number;
  body?: unknown;
  /** Set when the activity was authenticated but refused (`refuse` below): answered 403. */
  refusal?: string;
}

/** Where the HTTP route hands a parsed, shape-checked activity. */
export interface ActivityEndpoint {
  process(activity: Record<string, unknown>, headers: IncomingHttpHeaders): Promise<EndpointAnswer>;
}

export interface ServeOptions {
  /** Where conversation state lives, and for how long untouched (unset: kept). */
  session: { documents: DocumentStore; ttlSeconds?: number };
  /** Azure Bot OAuth connection for the sign-in; empty = no sign-in. */
  oauthConnectionName: string;
  /** Azure Bot OAuth connection for the Partner University account's sign-in; empty = not offered. */
  universityOauthConnectionName?: string;
  /** Asked once a request is authenticated, before its turn: a reason refuses it (403). */
  refuse?(activity: ChannelActivity): string | null;
  /** What a person is told when a message turn fails outside the handler's own care. */
  turnErrorMessage?(activity: ChannelActivity): string | undefined;
}

export interface BotRuntime {
  /** Sends cards into stored personal conversations (notices). */
  readonly proactive: NoticeTransport;
  /** Binds CertLink's handler; the endpoint runs it for every activity. */
  serve(handler: TurnHandler, options: ServeOptions): ActivityEndpoint;
}
