/**
 * A local stand-in for the Teams connector (the service behind an activity's serviceUrl).
 *
 * The bot replies to `serviceUrl` exactly as it would in Teams, so pointing an activity's
 * serviceUrl at this server shows every reply, update and member lookup the bot makes, on a
 * loopback port, with no network. `npm run connector` runs it for people (scripts/connector.ts
 * prints each reply); the tests and the bench use it to see what the bot sent, and script
 * failures (failNext, respond) to exercise 429/403 handling in proactive sends.
 *
 * Plain node:http on purpose: no dependency on the bot's own HTTP stack.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectorError, ConnectorRequest, parseRequest, readBody, ScriptedResponse } from './connectorRoutes';
import { MemberRoster } from './memberRoster';
import type { WireActivity, WireMember } from './wireTypes';

export type { ConnectorRequest, ConnectorRoute, ScriptedResponse } from './connectorRoutes';

/** An activity the bot sent (reply, new message or update) that the connector accepted. */
export interface RecordedActivity {
  kind: 'reply' | 'send' | 'update';
  conversationId: string;
  /** The :replyToId of a reply, or the :id of an update. */
  replyToId?: string;
  /** The id this connector gave back (or, for an update, the id that was updated). */
  id: string;
  activity: WireActivity;
  /** The Authorization header the bot sent (absent in local mode). */
  authorization?: string;
}

export interface FailOptions {
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Only requests for which this is true fail (default: any request). */
  when?: (request: ConnectorRequest) => boolean;
}

export interface FakeConnectorOptions {
  /** Loopback port to listen on (default: any free one). */
  port?: number;
  /** Members known to GET .../members/:userId (matched on id or aadObjectId). */
  members?: WireMember[];
  /** Keep accepted activities in `replies` (default true; the bench turns it off and uses onReply). */
  keepReplies?: boolean;
  /** Answers a request before the default routes; return undefined to fall through. */
  respond?: (request: ConnectorRequest) => ScriptedResponse | undefined | Promise<ScriptedResponse | undefined>;
}

export interface FakeConnector {
  /** Base URL to use as an activity's serviceUrl, e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  readonly replies: RecordedActivity[];
  readonly requests: ConnectorRequest[];
  /** Adds or replaces a member for member lookups (also added to the roster). */
  setMember(member: WireMember): void;
  /** Replaces the roster served by pagedmembers (and known to member lookups). */
  setRoster(members: WireMember[]): void;
  /** The next matching request(s) get this status instead of the normal answer. */
  failNext(status: number, options?: FailOptions): void;
  /** Replaces (or with undefined removes) the respond hook. */
  setResponder(respond: FakeConnectorOptions['respond']): void;
  /** Called for each accepted activity, whether or not replies are kept. Returns an unsubscribe function. */
  onReply(listener: (reply: RecordedActivity) => void): () => void;
  /** Resolves with the recorded replies once there are at least n; rejects after timeoutMs. */
  waitForReplies(n: number, timeoutMs?: number): Promise<RecordedActivity[]>;
  /** Forgets replies, requests, scripted failures (members and roster stay). */
  clear(): void;
  close(): Promise<void>;
}

interface PendingFailure {
  status: number;
  options: FailOptions;
  remaining: number;
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const keepReplies = options.keepReplies ?? true;
  let respond = options.respond;
  const replies: RecordedActivity[] = [];
  const requests: ConnectorRequest[] = [];
  const members = new MemberRoster(options.members ?? []);
  const failures: PendingFailure[] = [];
  const listeners = new Set<(reply: RecordedActivity) => void>();
  let nextId = 1;

  const takeFailure = (request: ConnectorRequest): ScriptedResponse | undefined => {
    const index = failures.findIndex((f) => f.options.when?.(request) ?? true);
    if (index < 0) return undefined;
    const failure = failures[index];
    failure.remaining -= 1;
    if (failure.remaining <= 0) failures.splice(index, 1);
    return { status: failure.status, headers: failure.options.headers, body: failure.options.body };
  };

  const accept = (request: ConnectorRequest, kind: RecordedActivity['kind']): ScriptedResponse => {
    const id = kind === 'update' ? (request.targetId as string) : `activity-${nextId++}`;
    const authorization = request.headers.authorization;
    const recorded: RecordedActivity = {
      kind,
      conversationId: request.conversationId as string,
      ...(kind !== 'send' ? { replyToId: request.targetId } : {}),
      id,
      activity: (typeof request.body === 'object' && request.body !== null ? request.body : {}) as WireActivity,
      ...(authorization ? { authorization } : {}),
    };
    if (keepReplies) replies.push(recorded);
    for (const listener of [...listeners]) listener(recorded);
    return { status: kind === 'send' ? 201 : 200, body: { id } };
  };

  const answer = (request: ConnectorRequest): ScriptedResponse => {
    switch (request.route) {
      case 'reply':
        return accept(request, 'reply');
      case 'send':
        return accept(request, 'send');
      case 'update':
        return accept(request, 'update');
      case 'delete':
        return { status: 200 };
      case 'createConversation':
        return { status: 201, body: { id: `conversation-${nextId++}` } };
      case 'member': {
        const member = members.find(request.targetId as string);
        return member ? { status: 200, body: member } : connectorError(404, 'MemberNotFoundInConversation', 'The member is not in this conversation');
      }
      case 'pagedMembers': {
        const pageSize = Math.max(1, Number(request.query.get('pageSize')) || 200);
        const start = Number(request.query.get('continuationToken') ?? '0') || 0;
        return { status: 200, body: members.page(start, pageSize) };
      }
      default:
        return connectorError(404, 'NotFound', `No such connector route: ${request.method} ${request.path}`);
    }
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      let response: ScriptedResponse;
      try {
        const request = parseRequest(req, await readBody(req));
        requests.push(request);
        response = takeFailure(request) ?? (await respond?.(request)) ?? answer(request);
      } catch (err) {
        response = connectorError(500, 'FakeConnectorError', (err as Error).message);
      }
      const headers: Record<string, string> = { ...(response.headers ?? {}) };
      let payload = '';
      if (response.body !== undefined) {
        payload = JSON.stringify(response.body);
        headers['content-type'] = 'application/json; charset=utf-8';
      }
      res.writeHead(response.status, headers);
      res.end(payload);
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const waitForReplies = (n: number, timeoutMs = 5000): Promise<RecordedActivity[]> => {
    if (!keepReplies) return Promise.reject(new Error('waitForReplies needs keepReplies: true'));
    if (replies.length >= n) return Promise.resolve(replies.slice());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`fake connector: expected ${n} replies within ${timeoutMs} ms, got ${replies.length}`));
      }, timeoutMs);
      const unsubscribe = subscribe(() => {
        if (replies.length >= n) {
          clearTimeout(timer);
          unsubscribe();
          resolve(replies.slice());
        }
      });
    });
  };

  function subscribe(listener: (reply: RecordedActivity) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return {
    url: `http://127.0.0.1:${port}`,
    replies,
    requests,
    setMember(member) {
      members.set(member);
    },
    setRoster(roster) {
      members.replace(roster);
    },
    failNext(status, failOptions = {}) {
      failures.push({ status, options: failOptions, remaining: failOptions.times ?? 1 });
    },
    setResponder(next) {
      respond = next;
    },
    onReply: subscribe,
    waitForReplies,
    clear() {
      replies.length = 0;
      requests.length = 0;
      failures.length = 0;
    },
    close() {
      return new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
    },
  };
}
