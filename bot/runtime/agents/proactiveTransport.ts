/**
 * Posts notice cards into people's personal chats from stored conversation references:
 * POST {serviceUrl}/v3/conversations/{conversationId}/activities, signed with the app's token
 * (the SDK's MSAL token provider; none in local mode), the same body as botbuilder's transport
 * (bot/runtime/botbuilder/proactiveTransport.ts). No retry here: delivery decides about retries
 * (Retry-After, backoff, counters) in one place.
 */
import { connectorRequest, connectorUrl, parseRetryAfter, SignRequest } from '../connector/connectorHttp';
import type { ConversationRef, NoticeTransport, SendResult } from '../../../services/notices/types';

const MAX_RESPONSE_BYTES = 64 * 1024;

export class AgentsProactiveTransport implements NoticeTransport {
  constructor(
    private readonly sign: SignRequest,
    private readonly timeoutMs = 10_000,
  ) {}

  /** `card` is an Adaptive Card attachment as renderCard returns it. */
  async send(ref: ConversationRef, card: object): Promise<SendResult> {
    const url = connectorUrl(ref.serviceUrl, `v3/conversations/${encodeURIComponent(ref.conversationId)}/activities`);
    if (!url) return { ok: false, status: 0 };
    const body = {
      type: 'message',
      attachments: [card],
      channelData: { tenant: { id: ref.tenantId } },
      locale: ref.locale,
      from: { id: ref.botId, name: '' },
      conversation: { id: ref.conversationId, tenantId: ref.tenantId, conversationType: 'personal', isGroup: false, name: '' },
    };
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' };
      await this.sign(headers);
      const res = await connectorRequest({ method: 'POST', url, headers, body: JSON.stringify(body), timeoutMs: this.timeoutMs, maxBodyBytes: MAX_RESPONSE_BYTES });
      if (res.status >= 200 && res.status < 300) return { ok: true };
      const raw = res.headers['retry-after'];
      const retryAfterSeconds = parseRetryAfter(Array.isArray(raw) ? raw[0] : raw);
      return retryAfterSeconds === undefined ? { ok: false, status: res.status } : { ok: false, status: res.status, retryAfterSeconds };
    } catch {
      return { ok: false, status: 0 }; // no answer: a network error, or no token
    }
  }
}
