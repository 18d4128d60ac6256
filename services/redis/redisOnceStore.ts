import type { RedisClient } from './redisConnection';
import { OnceStore } from '../kv/onceStore';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX, withStore } from './redisConnection';

/** Claims are keys that expire on their own: SET NX EX is the whole protocol. */
export class RedisOnceStore implements OnceStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    keyPrefix: string = DEFAULT_KEY_PREFIX,
  ) {
    this.prefix = `${checkKeyPrefix(keyPrefix)}once:`;
  }

  claim(key: string, ttlSeconds: number): Promise<boolean> {
    const seconds = Math.max(1, Math.ceil(ttlSeconds));
    return withStore('once.claim', async () => (await this.redis.set(this.prefix + key, '1', 'EX', seconds, 'NX')) === 'OK');
  }

  release(key: string): Promise<void> {
    return withStore('once.release', async () => {
      await this.redis.del(this.prefix + key);
    });
  }

  isClaimed(key: string): Promise<boolean> {
    return withStore('once.isClaimed', async () => (await this.redis.exists(this.prefix + key)) === 1);
  }
}
