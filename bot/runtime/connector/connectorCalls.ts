/**
 * The connector calls a runtime makes without its SDK's connector client (see connectorHttp for
 * why): post an activity into a conversation, read the team's members a page at a time, open a
 * personal chat. Each is one signed JSON request; the retries are those of the bot's replies
 * (bot/runtime/botbuilder/directReplyAdapter.ts): a 429 or 503 with a short Retry-After once, a
 * reset idle keep-alive connection once, never a 5xx (the message may already be in the chat).
 */
import type { ChannelActivity, TeamsMember } from '../turn';
import { connectorRequest, ConnectorResponse, connectorUrl, flatHeaders, isThrottled, retryAfterMs, SignRequest } from './connectorHttp';

/** A connector refusal, shaped like the SDKs' RestError where the bot reads it (statusCode, response). */
export class ConnectorCallError extends Error {
  readonly statusCode: number;
  readonly response: { status: number; headers: Record<string, string> };

  constructor(what: string, status: number, headers: Record<string, string>) {
    super(`the connector answered ${status} to ${what}`);
    this.name = 'ConnectorCallError';
    this.statusCode = status;
    this.response = { status, headers };
  }
}

export interface CallOptions {
  /** Give up on one request after this long (default 10,000 ms: Teams shows a turn's reply for 15 s). */
  timeoutMs?: number;
  /** The longest Retry-After worth waiting for (default 1000 ms). */
  maxRetryAfterMs?: number;
}

const MAX_RESPONSE_BYTES = 256 * 1024;
const USER_AGENT = 'CertLink (Microsoft 365 Agents SDK, direct connector calls)';

/** One signed call; resolves with the parsed JSON body of a 2xx answer, throws ConnectorCallError otherwise. */
export async function callConnector(what: string, method: 'GET' | 'POST', url: URL | null, sign: SignRequest, body?: unknown, options: CallOptions = {}): Promise<unknown> {
  if (!url) throw new Error(`${what} needs an http(s) serviceUrl`);
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
  if (body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  await sign(headers);
  const request = { method, url, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: options.timeoutMs ?? 10_000, maxBodyBytes: MAX_RESPONSE_BYTES };
  let response: ConnectorResponse;
  try {
    response = await connectorRequest(request);
  } catch (err) {
    if (!(err as { reusedSocket?: boolean }).reusedSocket || (err as { code?: string }).code !== 'ECONNRESET') throw err;
    response = await connectorRequest(request); // the idle connection was closed under us; nothing was delivered
  }
  const waitMs = isThrottled(response) ? retryAfterMs(response) : undefined;
  if (waitMs !== undefined && waitMs <= (options.maxRetryAfterMs ?? 1000)) {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    response = await connectorRequest(request);
  }
  if (response.status < 200 || response.status >= 300) throw new ConnectorCallError(what, response.status, flatHeaders(response));
  return parse(response.body);
}

/** POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]: the id the connector gave, '' if none. */
export async function postActivity(activity: Record<string, unknown> & ChannelActivity & { replyToId?: string }, sign: SignRequest, options?: CallOptions): Promise<string> {
  const conversationId = activity.conversation?.id;
  if (!conversationId) throw new Error('a message needs the conversation it goes to');
  const path = `v3/conversations/${encodeURIComponent(conversationId)}/activities${activity.replyToId ? `/${encodeURIComponent(activity.replyToId)}` : ''}`;
  const answer = await callConnector('a message', 'POST', connectorUrl(activity.serviceUrl, path), sign, activity, options);
  const id = (answer as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '';
}

/** GET .../pagedmembers, TeamsInfo's address rules: a channel in a team asks the team. */
export async function pagedMembers(a: ChannelActivity, sign: SignRequest, pageSize: number, continuationToken?: string): Promise<{ members: TeamsMember[]; continuationToken?: string }> {
  const team = (a.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  const conversationId = typeof team === 'string' ? team : a.conversation?.id;
  if (!conversationId) throw new Error('the members of a conversation need its id');
  const query = new URLSearchParams({ pageSize: String(pageSize), ...(continuationToken ? { continuationToken } : {}) });
  const answer = (await callConnector('a members page', 'GET', connectorUrl(a.serviceUrl, `v3/conversations/${encodeURIComponent(conversationId)}/pagedmembers?${query}`), sign)) as {
    members?: unknown;
    continuationToken?: unknown;
  } | null;
  return {
    members: Array.isArray(answer?.members) ? (answer.members as TeamsMember[]) : [],
    continuationToken: typeof answer?.continuationToken === 'string' && answer.continuationToken ? answer.continuationToken : undefined,
  };
}

/** POST {serviceUrl}/v3/conversations: a personal chat between the bot and one member; its id, or null. */
export async function createPersonalChat(a: ChannelActivity, sign: SignRequest, teamsUserId: string, tenantId: string): Promise<string | null> {
  const body = { isGroup: false, bot: a.recipient, members: [{ id: teamsUserId, name: '' }], tenantId, channelData: { tenant: { id: tenantId } } };
  const answer = (await callConnector('a new conversation', 'POST', connectorUrl(a.serviceUrl, 'v3/conversations'), sign, body)) as { id?: unknown } | null;
  return typeof answer?.id === 'string' && answer.id ? answer.id : null;
}

/** The connector answers JSON; an empty or odd body is not an error, the request was taken. */
function parse(body: string): unknown {
  try {
    return body ? JSON.parse(body) : null;
  } catch {
    return null;
  }
}
