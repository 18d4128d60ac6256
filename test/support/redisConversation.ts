/**
 * The conversation harness on real Redis, as the bot runs in production: every store on
 * Redis under a fresh prefix (seeded with the sample profiles), session state on that store,
 * notices on BullMQ. For suites that must look at what a conversation leaves in Redis.
 * Registers the suite's hooks: connect before, stop the notices, close the stores and delete
 * the run's keys after.
 */
import type Redis from 'ioredis';
import { ManualClock } from '../../services/clock';
import { createStores, Stores } from '../../services/storeFactory';
import { TEST_REDIS_URL, TestRedis } from './testRedis';
import { makeHarness, sampleProfiles } from './conversationHarness';

export interface RedisConversation {
  h: Awaited<ReturnType<typeof makeHarness>>;
  stores: Stores;
  /** The stores' own connection (standalone Redis). */
  client: Redis;
  /** Every key of this conversation starts with it. */
  prefix: string;
}

export function useRedisConversations(): { open: (clock: ManualClock) => Promise<RedisConversation> } {
  const redis = new TestRedis();
  // Closed last-opened first: a harness's notices stop before its stores close.
  const closers: Array<() => Promise<void>> = [];

  before(async () => {
    await redis.connect();
  });

  after(async () => {
    for (const close of closers.reverse()) await close();
    await redis.cleanup();
  });

  return {
    async open(clock) {
      const prefix = redis.freshPrefix();
      const stores = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix: prefix, profiles: sampleProfiles(), clock });
      closers.push(() => stores.close());
      const h = await makeHarness({ clock, stores, noticesRedisUrl: TEST_REDIS_URL });
      closers.push(() => h.notices.stop());
      return { h, stores, client: stores.redis as Redis, prefix }; // standalone: createStores without cluster nodes
    },
  };
}
