/**
 * The bot's HTTP surface: POST /api/messages for the channel, /healthz and /readyz for the
 * platform. Returns the restify server unstarted so other modules can add their own routes
 * (server.get(...)) before calling server.listen().
 *
 * Bad input never becomes a 500: the body is read with a size cap, parsed and shape-checked
 * here, and only a well-formed activity reaches the runtime's endpoint. Every error body has the
 * same form, `{ error: <code>, reason: <plain English> }`.
 */
import './restifyLoad';
import restify from 'restify';
import type { Request, Response, Next } from 'restify';
import type { Logger } from 'pino';
import { StoreHealth } from '../../services/kv/health';
import type { ActivityEndpoint } from '../runtime/turn';
import { validateActivity } from './activityValidation';

export interface HttpServerDeps {
  /** The runtime's endpoint: it authenticates the request and runs its turn. */
  endpoint: ActivityEndpoint;
  health: StoreHealth;
  log: Logger;
  /** Largest accepted request body; larger ones get 413. Default 256 KiB. */
  bodyLimitBytes?: number;
  /** How long /readyz waits for health.ping() before answering 503. Default 2000 ms. */
  readyTimeoutMs?: number;
}

export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
export const MESSAGES_PATH = '/api/messages';

interface ErrorBody {
  error: string;
  reason: string;
}

function sendError(res: Response, status: number, error: string, reason: string): void {
  const body: ErrorBody = { error, reason };
  res.send(status, body);
}

function bodyText(body: unknown): string | null {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return null;
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createHttpServer(deps: HttpServerDeps): restify.Server {
  const { endpoint, health, log } = deps;
  const bodyLimit = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const readyTimeoutMs = deps.readyTimeoutMs ?? 2000;

  const server = restify.createServer({ name: 'certlink' });

  // restify's own errors (the body reader's 413, 404, 405) get the same body shape as ours.
  server.on('restifyError', (_req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const code =
      status === 413
        ? 'payload_too_large'
        : err.name
            .replace(/Error$/, '')
            .replace(/([a-z])([A-Z])/g, '$1_$2')
            .toLowerCase() || 'error';
    const reason = status === 413 ? `The request body is larger than ${bodyLimit} bytes` : err.message;
    Object.assign(err, { toJSON: (): ErrorBody => ({ error: code, reason }) });
    callback();
  });

  /** Refuses a declared oversize body before reading it; chunked bodies are capped by bodyReader. */
  const rejectDeclaredOversize = (req: Request, res: Response, next: Next): void => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > bodyLimit) {
      sendError(res, 413, 'payload_too_large', `The request body is larger than ${bodyLimit} bytes`);
      next(false);
      return;
    }
    next();
  };

  const handleActivity = async (req: Request, res: Response): Promise<void> => {
    // bodyReader leaves these bodies unread, so they would otherwise look empty.
    const contentType = req.contentType();
    if (contentType === 'application/octet-stream' || contentType === 'multipart/form-data') {
      sendError(res, 415, 'unsupported_media_type', 'Send the activity as JSON (Content-Type: application/json)');
      return;
    }
    const text = bodyText(req.body);
    if (text === null || text.trim() === '') {
      sendError(res, 400, 'invalid_json', 'The request body is empty; expected a JSON activity');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      sendError(res, 400, 'invalid_json', `The request body is not valid JSON (${(err as Error).message})`);
      return;
    }
    const checked = validateActivity(parsed);
    if (!checked.ok) {
      log.debug({ reason: checked.reason }, 'refused an invalid activity');
      sendError(res, 400, 'invalid_activity', checked.reason);
      return;
    }

    const ids = { activityId: checked.activity.id, conversationId: checked.activity.conversation.id };
    const { status, body, refusal } = await endpoint.process(parsed as Record<string, unknown>, req.headers);
    if (refusal !== undefined) {
      log.warn({ ...ids, reason: refusal }, 'refused an activity whose identity Teams does not prove');
      sendError(res, 403, 'forbidden', refusal);
    } else if (status === 401 || status === 403) {
      log.warn({ ...ids, status }, 'refused a request without a valid channel token');
      sendError(res, status, 'unauthorized', 'The request does not carry a valid Bot Framework channel token');
    } else if (status >= 500) {
      sendError(res, status, 'internal_error', 'The bot could not process this activity');
    } else if (status >= 400 && isJsonObject(body)) {
      // An invoke's own error response (botbuilder's application/vnd.microsoft.error for a malformed
      // card action, or the bot's for an invoke it does not handle) says what was wrong: the client gets it as is.
      res.send(status, body);
    } else if (status >= 400) {
      sendError(res, status, 'rejected', typeof body === 'string' ? body : 'The activity was refused');
    } else if (body !== undefined) {
      res.send(status, body);
    } else {
      res.send(status);
    }
  };

  server.post(MESSAGES_PATH, rejectDeclaredOversize, restify.plugins.bodyReader({ maxBodySize: bodyLimit }), handleActivity);

  server.get('/healthz', (_req: Request, res: Response, next: Next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const reachable = await withTimeout(
      health.ping().catch(() => false),
      readyTimeoutMs,
      false,
    );
    if (reachable) res.send(200, { status: 'ok', store: health.kind });
    else res.send(503, { status: 'unavailable', store: health.kind });
  });

  return server;
}

/** Starts listening; resolves with the bound port (useful with port 0). */
export function listen(server: restify.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const onListening = (): void => {
      server.removeListener('error', reject);
      const address = server.address();
      resolve(address.port);
    };
    if (host) server.listen(port, host, onListening);
    else server.listen(port, onListening);
  });
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
