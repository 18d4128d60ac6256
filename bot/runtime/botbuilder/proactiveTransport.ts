/**
 * Posts notice cards into people's personal chats through botbuilder, so real
 * Teams auth (app id + password, token cache) applies; in local mode (no app
 * id) no token is asked for. The send is POST
 * {serviceUrl}/v3/conversations/{conversationId}/activities.
 *
 * The transport has its own CloudAdapter: the bot's adapter runs the bot's
 * middleware and onTurnError, which would swallow the HTTP errors delivery
 * needs to see. And the SDK's own retry policy is switched off: delivery
 * decides about retries (Retry-After, backoff, counters) in one place.
 */
import { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationReference, TurnContext } from 'botbuilder';
import { AppConfig } from '../../config';
import { parseRetryAfter } from '../connector/connectorHttp';
import { ConversationRef, NoticeTransport, SendResult } from '../../../services/notices/types';

export type BotAuthentication = ConstructorParameters<typeof CloudAdapter>[0];

interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
}

export class ConnectorTransport implements NoticeTransport {
  private readonly adapter: CloudAdapter;
  /**
   * One connector client per serviceUrl, reused like BotFrameworkAdapter did:
   * its credentials fetch and refresh the token themselves, and its HTTP agent
   * keeps connections alive (a client per send opened a TCP connection per send).
   */
  private readonly clients = new Map<string, ConnectorClientLike>();

  /** `auth`: the same BotFrameworkAuthentication the bot's CloudAdapter uses. */
  constructor(
    private readonly botAppId: string,
    auth: BotAuthentication,
  ) {
    this.adapter = new CloudAdapter(auth);
  }

  /** `card` is an Adaptive Card attachment as renderCard returns it. */
  async send(ref: ConversationRef, card: object): Promise<SendResult> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: ref.serviceUrl,
      conversation: { id: ref.conversationId, tenantId: ref.tenantId, conversationType: 'personal', isGroup: false, name: '' },
      bot: { id: ref.botId, name: '' },
      user: { id: '', aadObjectId: ref.userId, name: '' },
      locale: ref.locale,
    };
    const activity: Partial<Activity> = {
      type: 'message',
      attachments: [card as NonNullable<Activity['attachments']>[number]],
      channelData: { tenant: { id: ref.tenantId } },
      locale: ref.locale,
    };
    const body = { ...activity, from: { id: ref.botId, name: '' }, conversation: reference.conversation } as Activity;
    try {
      const cached = this.clients.get(ref.serviceUrl);
      if (cached) {
        await cached.conversations.sendToConversation(ref.conversationId, body);
        return { ok: true };
      }
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        // Straight to the conversation: TurnContext.sendActivity would make it a reply to the synthetic continuation activity.
        const client = connectorOf(context, this.adapter);
        this.clients.set(ref.serviceUrl, client);
        await client.conversations.sendToConversation(ref.conversationId, body);
      });
      return { ok: true };
    } catch (err) {
      return toSendResult(err);
    }
  }
}

/** The transport for the configured app; an empty app id = local mode, no token requested. */
export function createConnectorTransport(config: Pick<AppConfig, 'microsoftAppId' | 'microsoftAppPassword' | 'microsoftAppType' | 'microsoftAppTenantId'>): ConnectorTransport {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  });
  return new ConnectorTransport(config.microsoftAppId, auth);
}

interface ConnectorClientLike {
  conversations: { sendToConversation(conversationId: string, activity: Activity): Promise<unknown> };
  client?: { pipeline?: PipelineLike };
}

/** The authenticated connector client the adapter made for this turn, with the SDK's retries removed. */
function connectorOf(context: TurnContext, adapter: CloudAdapter): ConnectorClientLike {
  const client = context.turnState.get(adapter.ConnectorClientKey) as ConnectorClientLike | undefined;
  if (!client) throw new Error('CloudAdapter did not provide a connector client');
  client.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
  return client;
}

interface RestErrorLike {
  statusCode?: number;
  response?: { status?: number; headers?: { get?(name: string): string | undefined } | Record<string, string> };
}

/** RestError (status + Retry-After) to SendResult; anything without a status is a network error (status 0). */
export function toSendResult(err: unknown, now: number = Date.now()): SendResult {
  const e = (err ?? {}) as RestErrorLike;
  const status = e.statusCode ?? e.response?.status ?? 0;
  const headers = e.response?.headers;
  const raw =
    headers && typeof (headers as { get?: unknown }).get === 'function' ? (headers as { get(name: string): string | undefined }).get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  const retryAfterSeconds = parseRetryAfter(raw, now);
  return retryAfterSeconds === undefined ? { ok: false, status } : { ok: false, status, retryAfterSeconds };
}
