/**
 * CertLink's CloudAdapter: everything is botbuilder's (channel authentication, the turn, its
 * middleware, invoke responses, proactive turns) except how a message reaches the connector, and
 * that an HTTP request the route has already checked is not checked again (process, below).
 * A turn's reply, POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}], goes through
 * connectorHttp, straight and signed by the turn's credentials, instead of the SDK's generic
 * pipeline, the largest single cost of a status turn after the shared request handling
 * (docs/SCALING.md has the figures).
 *
 * What the SDK did that this keeps: the same URL and JSON body, the same token, a ResourceResponse
 * back, and an error carrying statusCode (as its RestError does) when the connector refuses, so
 * onTurnError and the logs read it the same way. Retries are narrower on purpose: a 429 or 503 with a
 * Retry-After of at most a second is tried once more (the connector said it did not take it), and so
 * is a reset on an idle keep-alive connection; a 5xx is not re-sent, since the message may already
 * be in the chat, and the SDK's three retries of it could post the same card twice.
 */
import { Activity, ActivityTypes, CloudAdapter, Channels, Request, ResourceResponse, Response, TurnContext } from 'botbuilder';
import { connectorRequest, ConnectorResponse, connectorUrl, flatHeaders, isThrottled, retryAfterMs } from '../connector/connectorHttp';
import { processCheckedRequest } from './checkedRequest';
import { signForTurn } from './turnCredentials';

export interface DirectReplyOptions {
  /** Give up on one send after this long (default 10,000 ms: Teams shows a turn's reply for 15 s). */
  timeoutMs?: number;
  /** The longest Retry-After worth waiting for inside a turn (default 1000 ms). */
  maxRetryAfterMs?: number;
}

/** A connector refusal, shaped like the SDK's RestError where the bot reads it (statusCode, response). */
export class ConnectorReplyError extends Error {
  readonly statusCode: number;
  readonly response: { status: number; headers: Record<string, string> };

  constructor(status: number, headers: Record<string, string>) {
    super(`the connector answered ${status} to a reply`);
    this.name = 'ConnectorReplyError';
    this.statusCode = status;
    this.response = { status, headers };
  }
}

const MAX_RESPONSE_BYTES = 64 * 1024;
const USER_AGENT = 'CertLink (botbuilder CloudAdapter, direct replies)';

export class DirectReplyAdapter extends CloudAdapter {
  private readonly timeoutMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(auth?: ConstructorParameters<typeof CloudAdapter>[0], options: DirectReplyOptions = {}) {
    super(auth);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 1000;
  }

  /**
   * An HTTP request's turn without the SDK's zod checks of the request (each one walks the whole
   * activity and builds its schema anew; docs/SCALING.md). The route has already parsed
   * and checked the activity (activityValidation), and checkedRequest does what process() does after
   * its checks. A web socket (four arguments) stays botbuilder's.
   */
  override async process(req: Request, resOrSocket: unknown, logicOrHead: unknown, maybeLogic?: unknown): Promise<void> {
    if (maybeLogic !== undefined || typeof logicOrHead !== 'function' || !isResponse(resOrSocket)) {
      return super.process(req, resOrSocket as never, logicOrHead as never, maybeLogic as never);
    }
    return processCheckedRequest(req, resOrSocket, (auth, activity) => this.processActivity(auth, activity, logicOrHead as (context: TurnContext) => Promise<void>));
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    // One at a time and in order, as the SDK does: the chat shows them in the order sent.
    for (const activity of activities) {
      if (!isPosted(activity)) responses.push(...(await super.sendActivities(context, [activity])));
      else responses.push(await this.post(context, activity));
    }
    return responses;
  }

  private async post(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse> {
    delete activity.id; // the connector gives the id, as in CloudAdapterBase
    const conversationId = activity.conversation?.id;
    if (!conversationId) throw new Error('a reply needs the conversation it goes to');
    const path = `v3/conversations/${encodeURIComponent(conversationId)}/activities${activity.replyToId ? `/${encodeURIComponent(activity.replyToId)}` : ''}`;
    const url = connectorUrl(activity.serviceUrl, path);
    if (!url) throw new Error('a reply needs an http(s) serviceUrl');
    // The headers the SDK's connector client sends with an activity, x-ms-conversation-id included.
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', 'user-agent': USER_AGENT };
    // Teams' ids are printable ASCII; anything else could not travel in a header and is left to the URL.
    if (/^[\x20-\x7e]+$/.test(conversationId)) headers['x-ms-conversation-id'] = conversationId;
    await signForTurn(context)(headers);
    const request = { method: 'POST' as const, url, headers, body: JSON.stringify(activity), timeoutMs: this.timeoutMs, maxBodyBytes: MAX_RESPONSE_BYTES };

    let response: ConnectorResponse;
    try {
      response = await connectorRequest(request);
    } catch (err) {
      if (!(err as { reusedSocket?: boolean }).reusedSocket || (err as { code?: string }).code !== 'ECONNRESET') throw err;
      response = await connectorRequest(request); // the idle connection was closed under us; nothing was delivered
    }
    const waitMs = isThrottled(response) ? retryAfterMs(response) : undefined;
    if (waitMs !== undefined && waitMs <= this.maxRetryAfterMs) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      response = await connectorRequest(request);
    }
    if (response.status < 200 || response.status >= 300) throw new ConnectorReplyError(response.status, flatHeaders(response));
    return { id: idOf(response.body) };
  }
}

function isResponse(value: unknown): value is Response {
  const res = value as Partial<Response> | null;
  return typeof res?.status === 'function' && typeof res.send === 'function' && typeof res.end === 'function';
}

/** What goes to the connector as a message; the rest (delay, invoke response, trace) stays the SDK's. */
function isPosted(activity: Partial<Activity>): boolean {
  if (activity.type === 'delay' || activity.type === ActivityTypes.InvokeResponse) return false;
  if (activity.type === ActivityTypes.Trace && activity.channelId !== Channels.Emulator) return false;
  return true;
}

/** The connector answers {"id": "..."}; an empty or odd body is not an error, the reply was taken. */
function idOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const id = (parsed as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}
