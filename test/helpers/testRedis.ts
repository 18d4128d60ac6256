/**
 * Redis for tests: the shared server on 127.0.0.1:6379 (TEST_REDIS_URL to
 * override), a key prefix unique to the run, and cleanup of exactly those keys
 * (never FLUSHDB: other people's data lives there too). Unreachable Redis is a
 * failure with instructions, never a skip.
 */
import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { createRedis, RedisConnectionOptions, waitUntilReady } from '../../services/redis/redisConnection';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const START_HINT =
  'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log';

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
    if (ready) {
      let cursor = '0';
      do {
        const [next, keys] = await ready.scan(cursor, 'MATCH', `${this.runPrefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await ready.unlink(...keys);
      } while (cursor !== '0');
    }
    for (const c of this.clients) c.disconnect();
    this.clients.length = 0;
  }
}
