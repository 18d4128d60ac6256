import type Redis from 'ioredis';
import { MemoryDigestSubscriptions } from '../../../services/memory/memoryDigestSubscriptions';
import { RedisDigestSubscriptions } from '../../../services/redis/redisDigestSubscriptions';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../../support/testRedis';
import { describeDigestSubscriptionsContract } from '../contracts/digestSubscriptions.contract';

describeDigestSubscriptionsContract('memory', async () => new MemoryDigestSubscriptions());

describe('digest subscriptions on Redis', () => {
  let redis: Redis;
  const prefix = uniquePrefix('digests');
  let n = 0;
  before(async () => {
    redis = await connectTestRedis();
  });
  after(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });
  describeDigestSubscriptionsContract('redis', async () => new RedisDigestSubscriptions(redis, `${prefix}${n++}:`));
});
