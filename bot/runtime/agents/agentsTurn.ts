/** CertLink's Turn over the Agents SDK's TurnContext. */
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { CardFactory, INVOKE_RESPONSE_KEY, MessageFactory, TurnContext } from '@microsoft/agents-hosting';
import { createPersonalChat, pagedMembers } from '../connector/connectorCalls';
import type { SignRequest } from '../connector/connectorHttp';
import { getTeamsMember } from '../connector/memberApi';
import type { ChannelActivity, Reply, SignInKind, Turn, TurnMembers, TurnSession } from '../turn';
import type { SessionState } from './sessionState';
import type { SignIn } from './signIn';
import { oncePerTurn } from '../oncePerTurn';

/** What every turn of one served bot shares. */
export interface TurnEnvironment {
  session: SessionState;
  /** Signs connector calls (the app's token; none in local mode). */
  sign: SignRequest;
  /** The sign-ins this bot offers, by kind (none without their OAuth connection). */
  signIn: Partial<Record<SignInKind, SignIn>>;
}

const TURN = Symbol('certlink.turn');

export class AgentsTurn implements Turn {
  private sessionOfTurn: TurnSession | undefined;
  private membersOfTurn: TurnMembers | undefined;

  private constructor(
    readonly context: TurnContext,
    private readonly env: TurnEnvironment,
  ) {}

  /** The turn of this context, made once. */
  static of(context: TurnContext, env: TurnEnvironment): AgentsTurn {
    return oncePerTurn(context.turnState, TURN, () => new AgentsTurn(context, env));
  }

  /** The SDK's Activity (its channelId is a getter over the wire's field). */
  get activity(): ChannelActivity {
    return this.context.activity as ChannelActivity;
  }

  async send(reply: Reply): Promise<void> {
    if ('card' in reply) await this.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reply.card.content)));
    else await this.context.sendActivity(reply.text);
  }

  async respond(status: number, body?: unknown): Promise<void> {
    await this.context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status, body } }));
  }

  get responded(): boolean {
    return Boolean(this.context.turnState.get(INVOKE_RESPONSE_KEY));
  }

  get session(): TurnSession {
    return (this.sessionOfTurn ??= this.env.session.forTurn(this.context));
  }

  get members(): TurnMembers {
    return (this.membersOfTurn ??= teamsMembers(this.activity, this.env.sign));
  }

  async beginSignIn(kind: SignInKind = 'learning'): Promise<void> {
    for (const other of Object.values(this.env.signIn)) await other.cancel(this);
    await this.env.signIn[kind]?.begin(this, this.context);
  }

  async continueSignIn(): Promise<boolean> {
    for (const signIn of Object.values(this.env.signIn)) if (await signIn.continue(this, this.context)) return true;
    return false;
  }
}

/** Teams' member APIs, called on the connector directly (bot/runtime/connector/). */
export function teamsMembers(a: ChannelActivity, sign: SignRequest): TurnMembers {
  return {
    get: (userId, options) => getTeamsMember(a, sign, userId, options),
    async *pages(pageSize) {
      let continuationToken: string | undefined;
      do {
        const page = await pagedMembers(a, sign, pageSize, continuationToken);
        yield page.members;
        continuationToken = page.continuationToken;
      } while (continuationToken);
    },
    openPersonalChat: (teamsUserId, tenantId) => createPersonalChat(a, sign, teamsUserId, tenantId),
  };
}
