/**
 * Digest subscriptions on Redis: one set of MPN ids per person, in the person's hash slot beside
 * their notice settings (`{person:<tenant>|<user>}:digest`), so every call is one single-key command.
 */
import { DigestSubscriptions } from '../renewals/digestSubscriptions';
import { RedisClient } from './redisConnection';
import { DEFAULT_NOTICE_KEY_PREFIX, redisCall } from './redisNoticeStores';

export class RedisDigestSubscriptions implements DigestSubscriptions {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string = DEFAULT_NOTICE_KEY_PREFIX,
  ) {}

  private key(tenantId: string, userId: string): string {
    return `${this.prefix}{person:${tenantId.toLowerCase()}|${userId}}:digest`;
  }

  subscribe(tenantId: string, userId: string, mpnId: string): Promise<void> {
    return redisCall('digest.subscribe', async () => {
      await this.redis.sadd(this.key(tenantId, userId), mpnId);
    });
  }

  unsubscribe(tenantId: string, userId: string, mpnId: string): Promise<void> {
    return redisCall('digest.unsubscribe', async () => {
      await this.redis.srem(this.key(tenantId, userId), mpnId);
    });
  }

  isSubscribed(tenantId: string, userId: string, mpnId: string): Promise<boolean> {
    return redisCall('digest.isSubscribed', async () => (await this.redis.sismember(this.key(tenantId, userId), mpnId)) === 1);
  }

  forget(tenantId: string, userId: string): Promise<void> {
    return redisCall('digest.forget', async () => {
      await this.redis.del(this.key(tenantId, userId));
    });
  }
}
