/**
 * One HTTP request to the Bot Framework connector at a turn's serviceUrl, made straight over a
 * keep-alive connection; the runtime signs it with the turn's own connector credentials.
 *
 * Why not an SDK's connector client for the calls a turn makes every time (its reply, a member
 * lookup): the client goes through a generic HTTP pipeline (policies, tracing spans, a
 * mapper-driven serializer walking the whole activity), which costs the bot several times the
 * CPU of this request (docs/SCALING.md has the figures). What stays the SDK's: the credentials,
 * which fetch, cache and refresh the token; in local mode they sign nothing.
 */
import http from 'node:http';
import https from 'node:https';

/** Adds the turn's Authorization header (none in local mode). */
export type SignRequest = (headers: Record<string, string>) => Promise<void>;

export interface ConnectorResponse {
  status: number;
  /** Lower-case names, as node gives them. */
  headers: http.IncomingHttpHeaders;
  /** The body as text, cut at maxBodyBytes (then `truncated`). */
  body: string;
  truncated: boolean;
}

export interface ConnectorRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBodyBytes: number;
  /** The keep-alive pool to use; the module's own by default. */
  agent?: http.Agent;
}

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** `{serviceUrl}/v3/...` as a URL, or null when the serviceUrl is not an http(s) address. */
export function connectorUrl(serviceUrl: string | undefined, path: string): URL | null {
  if (!serviceUrl) return null;
  try {
    const url = new URL(`${serviceUrl.replace(/\/+$/, '')}/${path}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** 429 and 503: the connector did not take the request and says when to come back. */
/** The answer's headers, one string each, as errors carry them (Retry-After among them). */
export function flatHeaders(response: ConnectorResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

export function isThrottled(response: ConnectorResponse): boolean {
  return response.status === 429 || response.status === 503;
}

/** The response's Retry-After in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(response: ConnectorResponse): number | undefined {
  const raw = response.headers['retry-after'];
  const seconds = parseRetryAfter(Array.isArray(raw) ? raw[0] : raw);
  return seconds === undefined ? undefined : seconds * 1000;
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(raw: string | undefined, now: number = Date.now()): number | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}

/**
 * Sends one request. Resolves with any HTTP answer (the caller decides what a status means);
 * rejects on a network error or timeout, with `reusedSocket` set when the connection was an idle
 * keep-alive one (the server may have closed it just before: node's documented case for one retry).
 */
export function connectorRequest(request: ConnectorRequest): Promise<ConnectorResponse> {
  return new Promise((resolve, reject) => {
    const { url } = request;
    const client = url.protocol === 'https:' ? https : http;
    const headers = request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
    const req = client.request(url, { method: request.method, headers, agent: request.agent ?? agents[url.protocol as keyof typeof agents], timeout: request.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        size += chunk.length;
        if (size > request.maxBodyBytes) {
          truncated = true;
          res.destroy();
          finish();
        } else chunks.push(chunk);
      });
      const finish = (): void => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), truncated });
      res.on('end', finish);
      res.on('error', (err) => (truncated ? undefined : reject(err)));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error(`the connector did not answer within ${request.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', (err) => reject(Object.assign(err, { reusedSocket: req.reusedSocket })));
    req.end(request.body);
  });
}
