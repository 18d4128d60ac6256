/**
 * Redis for tests: the shared server on 127.0.0.1:6379 (TEST_REDIS_URL to
 * override), a key prefix unique to the run, and cleanup of exactly those keys
 * (never FLUSHDB: other people's data lives there too). Unreachable Redis is a
 * failure with instructions, never a skip.
 */
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createRedis, deleteKeysByPrefix, RedisConnectionOptions, waitUntilReady } from '../../services/redis/redisConnection';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const START_HINT = 'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log';

export const START_REDIS_HINT = `Redis is not reachable at ${TEST_REDIS_URL}; these tests need it. Start it with: ${START_HINT}`;

/** A key prefix of its own for one suite: `test:<label>:<random>:`. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomBytes(4).toString('hex')}:`;
}

/**
 * A plain client for suites that manage their own: fails with START_REDIS_HINT
 * when Redis is down. `forBullmq` gives the blocking-command settings BullMQ needs.
 */
export async function connectTestRedis(opts: { forBullmq?: boolean } = {}): Promise<Redis> {
  const client = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: opts.forBullmq ? null : 1,
    retryStrategy: (attempt) => (attempt > 3 ? null : 100),
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.disconnect();
    throw new Error(`${START_REDIS_HINT} (${(err as Error).message})`, { cause: err });
  }
  return client;
}

/** Deletes the suite's keys (SCAN + UNLINK under its prefix). */
export const deleteByPrefix = deleteKeysByPrefix;

export class TestRedis {
  /** Every key this run writes starts with this. */
  readonly runPrefix = `test:${randomBytes(6).toString('hex')}:`;
  private readonly clients: Redis[] = [];
  private counter = 0;

  /** A fresh prefix inside the run's, so each test starts from empty data. */
  freshPrefix(): string {
    return `${this.runPrefix}${++this.counter}:`;
  }

  async connect(opts: RedisConnectionOptions = {}, url = TEST_REDIS_URL): Promise<Redis> {
    const client = createRedis(url, opts);
    this.clients.push(client);
    try {
      await waitUntilReady(client, 3000);
    } catch {
      throw new Error(`Redis is not reachable at ${url}; these tests need it. Start it with:\n  ${START_HINT}`);
    }
    return client;
  }

  /** Deletes the run's keys and closes every client opened here. */
  async cleanup(): Promise<void> {
    const ready = this.clients.find((c) => c.status === 'ready');
    if (ready) await deleteKeysByPrefix(ready, this.runPrefix);
    for (const c of this.clients) c.disconnect();
    this.clients.length = 0;
  }
}

/**
 * For a suite that runs a contract on real Redis: connects before, deletes the
 * suite's keys and disconnects after. `client()` is the connection (valid inside
 * tests), `freshPrefix()` a new prefix per store so each test starts empty.
 */
export function useSuiteRedis(label: string): { client: () => Redis; freshPrefix: () => string } {
  let redis: Redis | null = null;
  const prefix = uniquePrefix(label);
  let n = 0;
  before(async () => {
    redis = await connectTestRedis();
  });
  after(async () => {
    if (!redis) return;
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });
  return {
    client: () => {
      if (!redis) throw new Error('useSuiteRedis: the client is only there inside tests');
      return redis;
    },
    freshPrefix: () => `${prefix}${n++}:`,
  };
}
