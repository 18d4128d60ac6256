/**
 * How the connector stand-in (scripts/connectorStandIn.ts) reads a request: the Bot Connector
 * routes it knows, the body, and the error shape the real connector answers with.
 */
import http from 'node:http';

export type ConnectorRoute =
  | 'reply' // POST /v3/conversations/:cid/activities/:replyToId
  | 'send' // POST /v3/conversations/:cid/activities
  | 'update' // PUT /v3/conversations/:cid/activities/:id
  | 'delete' // DELETE /v3/conversations/:cid/activities/:id
  | 'createConversation' // POST /v3/conversations
  | 'member' // GET /v3/conversations/:cid/members/:userId
  | 'pagedMembers'; // GET /v3/conversations/:cid/pagedmembers

/** Every request, including failed and scripted ones, in arrival order. */
export interface ConnectorRequest {
  method: string;
  /** Path without the serviceUrl's own prefix, e.g. /v3/conversations/abc/activities/1. */
  path: string;
  query: URLSearchParams;
  route: ConnectorRoute | null;
  conversationId?: string;
  /** :replyToId / :id for activity routes, :userId for member lookups. */
  targetId?: string;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const ROUTES: ReadonlyArray<{ method: string; pattern: RegExp; route: ConnectorRoute }> = [
  { method: 'POST', pattern: /\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, route: 'reply' },
  { method: 'POST', pattern: /\/v3\/conversations\/([^/]+)\/activities$/, route: 'send' },
  { method: 'PUT', pattern: /\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, route: 'update' },
  { method: 'DELETE', pattern: /\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, route: 'delete' },
  { method: 'GET', pattern: /\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/, route: 'member' },
  { method: 'GET', pattern: /\/v3\/conversations\/([^/]+)\/pagedmembers$/, route: 'pagedMembers' },
  { method: 'POST', pattern: /\/v3\/conversations$/, route: 'createConversation' },
];

export function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
  });
}

export function parseRequest(req: http.IncomingMessage, body: unknown): ConnectorRequest {
  const url = new URL(req.url ?? '/', 'http://connector.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  // Teams serviceUrls carry a region prefix (…/amer/); accept any prefix before /v3/.
  const v3 = url.pathname.indexOf('/v3/');
  const path = v3 >= 0 ? url.pathname.slice(v3) : url.pathname;
  for (const { method: m, pattern, route } of ROUTES) {
    const match = m === method ? pattern.exec(path) : null;
    if (match) {
      return {
        method,
        path,
        query: url.searchParams,
        route,
        conversationId: match[1] === undefined ? undefined : decodeURIComponent(match[1]),
        targetId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        body,
        headers: req.headers,
      };
    }
  }
  return { method, path, query: url.searchParams, route: null, body, headers: req.headers };
}

export function connectorError(status: number, code: string, message: string): ScriptedResponse {
  return { status, body: { error: { code, message } } };
}
