/**
 * One way to open Redis for CertLink: fail fast while Redis is down, heal by
 * itself when it returns. A turn during an outage gets a StoreUnavailableError
 * within about a second and a half instead of waiting in an offline queue, and
 * the bot never needs a restart to recover.
 */
import Redis, { Cluster, RedisOptions } from 'ioredis';
import { StoreUnavailableError } from '../errors';

export const DEFAULT_KEY_PREFIX = 'certlink:';

/**
 * What the adapters talk to: one Redis server, or a Redis Cluster. Every
 * adapter command touches one key, or several keys under one hash tag, so the
 * same code runs on both; reads over many keys are parallel single-key
 * commands (auto-pipelined per node on a cluster), never a cross-slot command.
 */
export type RedisClient = Redis | Cluster;

export interface RedisConnectionOptions {
  /** A command that gets no answer within this many ms is failed (default 1500). */
  commandTimeoutMs?: number;
  /** Give up one connection attempt after this many ms (default 2000); reconnecting continues. */
  connectTimeoutMs?: number;
  /** Longest pause between reconnection attempts (default 2000). */
  maxReconnectDelayMs?: number;
  /** Shown by CLIENT LIST, to tell bot processes apart. */
  connectionName?: string;
  /** Connection errors while reconnecting; ioredis would otherwise print them to the console. */
  onError?: (err: Error) => void;
}

function clientOptions(opts: RedisConnectionOptions): RedisOptions {
  const maxDelay = opts.maxReconnectDelayMs ?? 2000;
  return {
    // Queueing commands while disconnected is what makes a turn hang during an outage.
    enableOfflineQueue: false,
    // Commands issued in the same tick (many turns at once, parallel reads) go out in one write.
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    commandTimeout: opts.commandTimeoutMs ?? 1500,
    connectTimeout: opts.connectTimeoutMs ?? 2000,
    // A command caught by a dropped connection has already been reported as failed; do not replay it later behind the caller's back.
    autoResendUnfulfilledCommands: false,
    // Never stop reconnecting: the process must come back on its own when Redis does.
    retryStrategy: (attempt: number) => Math.min(200 * attempt, maxDelay),
    connectionName: opts.connectionName,
  };
}

export function createRedis(url: string, opts: RedisConnectionOptions = {}): Redis {
  const client = new Redis(url, clientOptions(opts));
  client.on('error', (err: Error) => opts.onError?.(err));
  return client;
}

/**
 * Where a Redis Cluster is: its seed nodes, and how to talk to them. REDIS_CLUSTER_NODES gives
 * `host:port` entries, or `redis[s]://[user:password@]host:port` URLs for a cluster that asks for
 * TLS and a password (Azure Managed Redis: `rediss://:KEY@<name>.<region>.redis.azure.net:10000`).
 */
export interface ClusterTarget {
  nodes: { host: string; port: number }[];
  /** TLS, with certificates checked against this name: a cluster hands out its shards as IP addresses under the cache's one certificate. */
  tlsServername?: string;
  username?: string;
  password?: string;
}

/** Parses REDIS_CLUSTER_NODES: "host:port,host:port", or redis:// / rediss:// URLs sharing one scheme and credentials. */
export function parseClusterNodes(list: string): ClusterTarget {
  const target: ClusterTarget = { nodes: [] };
  let settings: string | null = null;
  for (const entry of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (/^rediss?:\/\//i.test(entry)) {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`cluster node URL is not valid (got "${redactCredentials(entry)}")`);
      }
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const tls = url.protocol.toLowerCase() === 'rediss:';
      const username = decodeURIComponent(url.username) || undefined;
      const password = decodeURIComponent(url.password) || undefined;
      const these = JSON.stringify([tls, username, password]);
      if (settings !== null && settings !== these) throw new Error('cluster node URLs must share one scheme and one user and password');
      if (settings === null) Object.assign(target, { tlsServername: tls ? host : undefined, username, password });
      settings = these;
      target.nodes.push({ host, port: Number(url.port || 6379) });
      continue;
    }
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(entry);
    if (!m) throw new Error(`cluster node must be host:port or a redis:// URL (got "${redactCredentials(entry)}")`);
    target.nodes.push({ host: m[1], port: Number(m[2]) });
  }
  return target;
}

/** A setting that may hold a password, fit for an error message or a log line. */
export function redactCredentials(text: string): string {
  return text.replace(/(\/\/)[^@/]*@/g, '$1***@');
}

function clusterCredentials(target: ClusterTarget): RedisOptions {
  return {
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
    ...(target.tlsServername ? { tls: { servername: target.tlsServername } } : {}),
  };
}

/**
 * A Redis Cluster client with the same fail-fast behaviour per node. Auto
 * pipelining batches the parallel single-key commands of getRecords and
 * friends per node, which is what an explicit pipeline did on one server.
 */
export function createRedisCluster(target: ClusterTarget, opts: RedisConnectionOptions = {}): Cluster {
  const maxDelay = opts.maxReconnectDelayMs ?? 2000;
  const client = new Cluster(target.nodes, {
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    clusterRetryStrategy: (attempt: number) => Math.min(200 * attempt, maxDelay),
    redisOptions: { ...clientOptions(opts), ...clusterCredentials(target) },
  });
  client.on('error', (err: Error) => opts.onError?.(err));
  return client;
}

/**
 * The connection BullMQ runs on, to one server (a redis:// URL) or a Cluster: not the store's,
 * because BullMQ's blocking commands must wait as long as they need (maxRetriesPerRequest null)
 * and its commands wait out a reconnection instead of failing fast.
 */
export function createQueueConnection(target: string | ClusterTarget, onError?: (err: Error) => void): RedisClient {
  const client = typeof target === 'string' ? new Redis(target, { maxRetriesPerRequest: null }) : new Cluster(target.nodes, { redisOptions: { maxRetriesPerRequest: null, ...clusterCredentials(target) } });
  client.on('error', (err: Error) => onError?.(err));
  return client;
}

/** Resolves once the client can take commands; rejects with StoreUnavailableError after `timeoutMs`. */
export function waitUntilReady(client: RedisClient, timeoutMs = 5000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      if (err) reject(err);
      else resolve();
    };
    const onReady = () => done();
    const timer = setTimeout(() => done(new StoreUnavailableError(`Redis not reachable after ${timeoutMs} ms (status ${client.status})`)), timeoutMs);
    client.on('ready', onReady);
  });
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Server replies that mean "not now" rather than "your command is wrong". */
const UNAVAILABLE_REPLIES = /^(LOADING|BUSY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|READONLY)\b/;

const UNAVAILABLE_MESSAGES = ['Command timed out', 'Connection is closed', "Stream isn't writeable", 'enableOfflineQueue', 'Reached the max retries per request limit'];

export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err instanceof StoreUnavailableError) return true;
  if (err.name === 'MaxRetriesPerRequestError') return true;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (err.name === 'ReplyError') return UNAVAILABLE_REPLIES.test(err.message);
  return UNAVAILABLE_MESSAGES.some((m) => err.message.includes(m));
}

/** Connection and timeout failures become StoreUnavailableError; anything else (a bug) is returned unchanged. */
export function wrapRedisError(err: unknown, what = 'Redis call'): unknown {
  if (err instanceof StoreUnavailableError) return err;
  if (isRedisUnavailable(err)) return new StoreUnavailableError(`${what} failed: Redis unavailable (${(err as Error).message})`, err);
  return err;
}

/** Runs one adapter step, so callers only ever see StoreUnavailableError for an outage. */
export async function withStore<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw wrapRedisError(err, what);
  }
}

type PipelineResults = [Error | null, unknown][] | null;

/** Pipeline results with the first per-command error thrown, as a plain command would. */
export function pipelineValues(results: PipelineResults): unknown[] {
  if (!results) throw new StoreUnavailableError('Redis pipeline was discarded');
  return results.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

/** Key prefixes end up before a hash tag, so a brace in one would move keys to the wrong slot. */
export function checkKeyPrefix(prefix: string): string {
  if (/[{}]/.test(prefix)) throw new Error(`Redis key prefix must not contain braces (got "${prefix}")`);
  return prefix;
}

/** A glob that matches `text` literally (SCAN MATCH). */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * Hands every key matching a glob to `each`, batch by batch, with the node that holds them: SCAN
 * walks one server, so on a Cluster every master is walked. For erasures, exports, tests and
 * tooling, never for a turn.
 */
export async function scanKeys(client: RedisClient, pattern: string, each: (keys: string[], node: Redis) => Promise<void>): Promise<void> {
  // A Cluster knows its masters once it is ready: walking none would find nothing and say nothing.
  if (client instanceof Cluster) await waitUntilReady(client);
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  if (nodes.length === 0) throw new StoreUnavailableError('Redis Cluster has no master to scan');
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await each(keys, node);
    } while (cursor !== '0');
  }
}

/**
 * Deletes every key under a prefix with SCAN + UNLINK, for tests, benches and
 * tooling. Never FLUSHALL: one Redis may serve several deployments or engineers.
 * On a Cluster each key is unlinked alone (one node's keys still span many slots).
 */
export async function deleteKeysByPrefix(redis: RedisClient, prefix: string): Promise<number> {
  let deleted = 0;
  await scanKeys(redis, `${escapeGlob(prefix)}*`, async (keys, node) => {
    const counts = redis instanceof Cluster ? await Promise.all(keys.map((key) => node.unlink(key))) : [await node.unlink(...keys)];
    deleted += counts.reduce((a, b) => a + b, 0);
  });
  return deleted;
}
