/** A real Redis for notice tests, under a key prefix of its own; fails loudly when Redis is down. */
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { deleteKeysByPrefix } from '../../../services/redis/redisNoticeStores';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const HOW_TO_START =
  'Redis is not reachable on ' +
  REDIS_URL +
  '. Start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log';

export function uniquePrefix(what: string): string {
  return `certlink-test:${what}:${randomUUID().slice(0, 8)}:`;
}

export async function connectTestRedis(opts: { forBullmq?: boolean } = {}): Promise<Redis> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: opts.forBullmq ? null : 1,
    retryStrategy: (attempt) => (attempt > 3 ? null : 100),
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(`${HOW_TO_START} (${(err as Error).message})`);
  }
  return redis;
}

export async function cleanUp(redis: Redis, prefix: string): Promise<void> {
  await deleteKeysByPrefix(redis, prefix);
}
