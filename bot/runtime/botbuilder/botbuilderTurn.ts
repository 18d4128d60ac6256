/** CertLink's Turn over botbuilder's TurnContext. */
import { ActivityTypes, CardFactory, ConversationParameters, INVOKE_RESPONSE_KEY, MessageFactory, TeamsChannelAccount, TeamsInfo, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import { getTeamsMember } from '../connector/memberApi';
import type { ChannelActivity, Reply, SignInKind, TeamsMember, Turn, TurnMembers, TurnSession } from '../turn';
import { SessionState } from './sessionState';
import { SIGN_IN_DIALOG, UNIVERSITY_SIGN_IN_DIALOG } from './signInDialog';
import { signForTurn } from './turnCredentials';
import { oncePerTurn } from '../oncePerTurn';

/** What every turn of one served bot shares. */
export interface TurnEnvironment {
  session: SessionState;
  dialogs: DialogSet;
  /** The bot's app id, to open personal chats (admin reminders). */
  botAppId: string;
}

const TURN = Symbol('certlink.turn');

export class BotbuilderTurn implements Turn {
  private sessionOfTurn: TurnSession | undefined;
  private membersOfTurn: TurnMembers | undefined;

  private constructor(
    readonly context: TurnContext,
    private readonly env: TurnEnvironment,
  ) {}

  /** The turn of this context, made once. */
  static of(context: TurnContext, env: TurnEnvironment): BotbuilderTurn {
    return oncePerTurn(context.turnState, TURN, () => new BotbuilderTurn(context, env));
  }

  get activity(): ChannelActivity {
    return this.context.activity as ChannelActivity;
  }

  async send(reply: Reply): Promise<void> {
    if ('card' in reply) await this.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reply.card.content)));
    else await this.context.sendActivity(reply.text);
  }

  async respond(status: number, body?: unknown): Promise<void> {
    await this.context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
  }

  get responded(): boolean {
    return Boolean(this.context.turnState.get(INVOKE_RESPONSE_KEY));
  }

  get session(): TurnSession {
    return (this.sessionOfTurn ??= this.env.session.forTurn(this.context));
  }

  get members(): TurnMembers {
    return (this.membersOfTurn ??= teamsMembers(this.context, this.env.botAppId));
  }

  async beginSignIn(kind: SignInKind = 'learning'): Promise<void> {
    const dc = await this.env.dialogs.createContext(this.context);
    await dc.cancelAllDialogs();
    await dc.beginDialog(kind === 'university' ? UNIVERSITY_SIGN_IN_DIALOG : SIGN_IN_DIALOG);
  }

  async continueSignIn(): Promise<boolean> {
    const dc = await this.env.dialogs.createContext(this.context);
    if (!dc.activeDialog) return false;
    const result = await dc.continueDialog();
    return result.status !== DialogTurnStatus.empty;
  }
}

export function teamsMembers(context: TurnContext, botAppId: string): TurnMembers {
  const a = context.activity;
  return {
    get: (userId, options) => getTeamsMember(a, signForTurn(context), userId, options),
    async *pages(pageSize) {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, pageSize, continuationToken);
        yield (page.members ?? []).map((m: TeamsChannelAccount): TeamsMember => m);
        continuationToken = page.continuationToken || undefined;
      } while (continuationToken);
    },
    async openPersonalChat(teamsUserId, tenantId) {
      const serviceUrl = a.serviceUrl;
      if (!serviceUrl) return null;
      const params = {
        isGroup: false,
        bot: a.recipient,
        members: [{ id: teamsUserId, name: '' }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as ConversationParameters;
      let conversationId: string | null = null;
      await context.adapter.createConversationAsync(botAppId, a.channelId, serviceUrl, 'https://api.botframework.com', params, async (ctx) => {
        conversationId = ctx.activity.conversation?.id || null;
      });
      return conversationId;
    },
  };
}
