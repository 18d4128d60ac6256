/**
 * What the admin-side Redis adapters share until services/redis/redisConnection.ts
 * (branch `redis`) lands: the error mapping and the org key layout. Every org key
 * carries the `{org:<mpnId>}` hash tag, so one org's keys share a slot and a Lua
 * script over them runs unchanged on Redis Cluster.
 */
import { StoreUnavailableError } from '../errors';

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const UNAVAILABLE_REPLIES = /^(LOADING|BUSY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|READONLY)\b/;
const UNAVAILABLE_MESSAGES = ['Command timed out', 'Connection is closed', "Stream isn't writeable", 'enableOfflineQueue', 'max retries per request'];

export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err instanceof StoreUnavailableError || err.name === 'MaxRetriesPerRequestError') return true;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (err.name === 'ReplyError') return UNAVAILABLE_REPLIES.test(err.message);
  return UNAVAILABLE_MESSAGES.some((m) => err.message.includes(m));
}

/** Runs one adapter step so callers only ever see StoreUnavailableError for an outage; bugs pass through unchanged. */
export async function withRedis<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw err;
    if (isRedisUnavailable(err)) throw new StoreUnavailableError(`${what} failed: Redis unavailable (${(err as Error).message})`, err);
    throw err;
  }
}

type PipelineResults = [Error | null, unknown][] | null;

export function pipelineValues(results: PipelineResults): unknown[] {
  if (!results) throw new StoreUnavailableError('Redis pipeline was discarded');
  return results.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

export const DEFAULT_KEY_PREFIX = 'certlink:';

/** A brace in the prefix would move keys off their hash tag's slot. */
export function orgKey(prefix: string, mpnId: string, suffix: string): string {
  if (/[{}]/.test(prefix)) throw new Error(`Redis key prefix must not contain braces (got "${prefix}")`);
  return `${prefix}{org:${mpnId}}:${suffix}`;
}
