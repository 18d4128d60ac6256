/**
 * A real Redis for the admin-side contract tests, under a key prefix unique to
 * this run. Redis being down is a failure, not a skip.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

export const START_REDIS_HINT =
  'Redis is not reachable on 127.0.0.1:6379. Start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log';

export function uniquePrefix(label: string): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}

export async function connectTestRedis(): Promise<Redis> {
  const client = new Redis(6379, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.disconnect();
    throw new Error(`${START_REDIS_HINT} (${(err as Error).message})`);
  }
  return client;
}

/** Deletes every key under the prefix (SCAN + UNLINK; never FLUSHALL: the Redis is shared). */
export async function deleteByPrefix(client: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await client.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
