import type { RedisClient } from './redisConnection';
import { PartnerAdminStore } from '../roles/partnerAdminStore';
import { DEFAULT_KEY_PREFIX, withStore } from './redisConnection';
import { orgKey } from './redisOrgKeys';

/** One SET per org: `<prefix>{org:<mpnId>}:partnerAdmins`. */
export class RedisPartnerAdminStore implements PartnerAdminStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyPrefix: string = DEFAULT_KEY_PREFIX,
  ) {}

  private key(mpnId: string): string {
    return orgKey(this.keyPrefix, mpnId, 'partnerAdmins');
  }

  add(mpnId: string, userId: string): Promise<boolean> {
    return withStore('partnerAdmins.add', async () => (await this.redis.sadd(this.key(mpnId), userId)) === 1);
  }

  remove(mpnId: string, userId: string): Promise<boolean> {
    return withStore('partnerAdmins.remove', async () => (await this.redis.srem(this.key(mpnId), userId)) === 1);
  }

  has(mpnId: string, userId: string): Promise<boolean> {
    return withStore('partnerAdmins.has', async () => (await this.redis.sismember(this.key(mpnId), userId)) === 1);
  }

  list(mpnId: string): Promise<string[]> {
    return withStore('partnerAdmins.list', async () => (await this.redis.smembers(this.key(mpnId))).sort());
  }
}
