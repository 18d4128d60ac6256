/**
 * "Sign in with another Microsoft Learning account" on the Agents SDK: what botbuilder's
 * OAuthPrompt does (bot/runtime/botbuilder/signInDialog.ts), on the SDK's UserTokenClient against
 * an Azure Bot OAuth connection (OAUTH_CONNECTION_NAME for a Microsoft Learning account,
 * UNIVERSITY_OAUTH_CONNECTION_NAME for Partner University). The password goes to Microsoft's
 * sign-in page, never into the chat. A sign-in in progress is kept in the conversation state, so
 * any bot process can finish it; it ends with the token, or with none after five minutes.
 *
 * Not the SDK's AgentApplication authorization: it belongs to AgentApplication's routing, and
 * CertLink routes turns itself (agentsEvents.ts).
 */
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { CardFactory, TurnContext, UserTokenClient } from '@microsoft/agents-hosting';
import type { SignInKind, Turn } from '../turn';

const TIMEOUT_MS = 5 * 60 * 1000;
const PROPERTY: Record<SignInKind, string> = { learning: 'agentsSignIn', university: 'agentsSignIn:university' };
const CARD_TITLE = 'Sign in';
/** A magic code, as the OAuthPrompt recognises it. */
const MAGIC_CODE = /(\d{6})/;

export interface SignInCallbacks {
  prompt(turn: Turn): string;
  signedIn(turn: Turn, token: string | null): Promise<void>;
}

interface SignInState {
  expiresAt: number;
}

type TokenClient = Pick<UserTokenClient, 'getUserToken' | 'getSignInResource' | 'exchangeTokenAsync'>;

export class SignIn {
  private readonly property: string;

  constructor(
    kind: SignInKind,
    private readonly connectionName: string,
    private readonly botAppId: string,
    /** The SDK's token-service client, made once; a turn may carry its own (tests). */
    private readonly tokens: TokenClient,
    private readonly callbacks: SignInCallbacks,
  ) {
    this.property = PROPERTY[kind];
  }

  async begin(turn: Turn, context: TurnContext): Promise<void> {
    const existing = await this.client(context).getUserToken(this.connectionName, context.activity.channelId ?? '', context.activity.from?.id ?? '');
    if (existing?.token) return this.finish(turn, existing.token);
    await turn.session.set<SignInState>(this.property, { expiresAt: Date.now() + TIMEOUT_MS });
    await this.sendCard(turn, context);
  }

  /** True when a sign-in in progress took the activity. */
  async continue(turn: Turn, context: TurnContext): Promise<boolean> {
    const state = await turn.session.get<SignInState | null>(this.property);
    if (!state) return false;
    const a = context.activity;
    const isVerify = a.type === ActivityTypes.Invoke && a.name === 'signin/verifyState';
    const isExchange = a.type === ActivityTypes.Invoke && a.name === 'signin/tokenExchange';
    if (Date.now() > state.expiresAt && (a.type === ActivityTypes.Message || isVerify || isExchange)) {
      await this.finish(turn, null);
      return true;
    }
    const token = isExchange ? await this.exchange(turn, context) : await this.recognize(turn, context, isVerify);
    if (token) await this.finish(turn, token);
    else if (a.type === ActivityTypes.Message) await this.sendCard(turn, context);
    return true;
  }

  private async recognize(turn: Turn, context: TurnContext, isVerify: boolean): Promise<string | undefined> {
    const a = context.activity;
    const code = isVerify ? (a.value as { state?: unknown } | undefined)?.state : a.type === ActivityTypes.Message ? MAGIC_CODE.exec(a.text ?? '')?.[1] : undefined;
    const token = typeof code === 'string' ? (await this.client(context).getUserToken(this.connectionName, a.channelId ?? '', a.from?.id ?? '', code))?.token : undefined;
    if (isVerify) await turn.respond(token ? 200 : 404);
    return token;
  }

  private async exchange(turn: Turn, context: TurnContext): Promise<string | undefined> {
    const a = context.activity;
    const value = (a.value ?? {}) as { id?: string; connectionName?: string; token?: string };
    let token: string | undefined;
    if (value.connectionName === this.connectionName && value.token) {
      token = (
        await this.client(context)
          .exchangeTokenAsync(a.from?.id ?? '', this.connectionName, a.channelId ?? '', { token: value.token })
          .catch(() => undefined)
      )?.token;
    }
    if (token) await turn.respond(200, { id: value.id, connectionName: this.connectionName });
    else await turn.respond(412, { id: value.id, connectionName: this.connectionName, failureDetail: 'The bot is unable to exchange token. Proceed with regular login.' });
    return token;
  }

  /** Forgets a sign-in in progress, as starting another one does (botbuilder cancels its dialogs). */
  async cancel(turn: Turn): Promise<void> {
    if (await turn.session.get<SignInState | null>(this.property)) await turn.session.set<SignInState | null>(this.property, null);
  }

  private async finish(turn: Turn, token: string | null): Promise<void> {
    await turn.session.set<SignInState | null>(this.property, null);
    await this.callbacks.signedIn(turn, token);
  }

  private async sendCard(turn: Turn, context: TurnContext): Promise<void> {
    const resource = await this.client(context).getSignInResource(this.botAppId, this.connectionName, context.activity.getConversationReference());
    const prompt = this.callbacks.prompt(turn);
    const message = Activity.fromObject({ type: ActivityTypes.Message, text: prompt, inputHint: 'acceptingInput' });
    message.attachments = [CardFactory.oauthCard(this.connectionName, CARD_TITLE, prompt, resource)];
    await context.sendActivity(message);
  }

  private client(context: TurnContext): TokenClient {
    return (context.turnState.get(context.adapter.UserTokenClientKey) as TokenClient | undefined) ?? this.tokens;
  }
}
