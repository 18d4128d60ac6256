/**
 * botbuilder-testing's TestAdapter, for the Agents SDK runtime: runs a served bot's turn logic on
 * an activity and keeps what the bot sent (its replies, the invoke response) in `activeQueue`, as
 * plain JSON; a user-token client stands in for the Bot Framework token service (addUserToken).
 */
import { Activity as AgentsActivity, ActivityTypes, ConversationReference } from '@microsoft/agents-activity';
import { BaseAdapter, INVOKE_RESPONSE_KEY, ResourceResponse, TurnContext } from '@microsoft/agents-hosting';
import type { Activity } from 'botbuilder';
import { readActivity } from '../../bot/runtime/agents/activityReader';

type Logic = (context: TurnContext) => Promise<void>;

interface UserToken {
  token: string;
  magicCode?: string;
}

export class AgentsTestAdapter extends BaseAdapter {
  readonly activeQueue: Partial<Activity>[] = [];
  private readonly tokens = new Map<string, UserToken>();
  private sent = 0;

  constructor(private readonly logic: Logic) {
    super();
  }

  /** As TestAdapter's: the token the token service gives this user, after this magic code if one is given. */
  addUserToken(connectionName: string, channelId: string, userId: string, token: string, magicCode?: string): void {
    this.tokens.set(`${connectionName}\n${channelId}\n${userId}`, { token, magicCode });
  }

  async processActivity(activity: Partial<Activity>): Promise<void> {
    // Read as the endpoint reads it (empty strings dropped, the SDK's schema).
    const read = readActivity(JSON.parse(JSON.stringify(activity)) as Record<string, unknown>);
    if (!read) throw new Error(`the Agents SDK cannot read ${JSON.stringify(activity).slice(0, 300)}`);
    const context = new TurnContext(this, read);
    context.turnState.set(this.UserTokenClientKey, this.userTokenClient());
    await this.runMiddleware(context, this.logic);
  }

  async sendActivities(context: TurnContext, activities: AgentsActivity[]): Promise<ResourceResponse[]> {
    return activities.map((activity) => {
      if (activity.type === ActivityTypes.InvokeResponse) context.turnState.set(INVOKE_RESPONSE_KEY, activity);
      const json = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
      if (json._channelId !== undefined) {
        json.channelId = json._channelId;
        delete json._channelId;
      }
      this.activeQueue.push(json as Partial<Activity>);
      return { id: `sent-${++this.sent}` };
    });
  }

  private userTokenClient() {
    const tokens = this.tokens;
    return {
      async getUserToken(connectionName: string, channelId: string, userId: string, code?: string) {
        const key = `${connectionName}\n${channelId}\n${userId}`;
        const entry = tokens.get(key);
        if (!entry || (entry.magicCode && entry.magicCode !== code)) return { token: undefined };
        tokens.set(key, { token: entry.token }); // once the code is given, the token stays
        return { token: entry.token };
      },
      async getSignInResource(_appId: string, connectionName: string, _conversation: ConversationReference) {
        return { signInLink: `https://token.botframework.test/signin?connection=${encodeURIComponent(connectionName)}`, tokenExchangeResource: {}, tokenPostResource: {} };
      },
      async exchangeTokenAsync() {
        return { token: undefined };
      },
    };
  }

  updateActivity(): Promise<void> {
    return Promise.reject(new Error('not in these tests'));
  }
  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('not in these tests'));
  }
  continueConversation(): Promise<void> {
    return Promise.reject(new Error('not in these tests'));
  }
  uploadAttachment(): Promise<ResourceResponse> {
    return Promise.reject(new Error('not in these tests'));
  }
  getAttachmentInfo(): Promise<never> {
    return Promise.reject(new Error('not in these tests'));
  }
  getAttachment(): Promise<NodeJS.ReadableStream> {
    return Promise.reject(new Error('not in these tests'));
  }
}
