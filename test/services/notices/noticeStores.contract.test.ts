import { strict as assert } from 'node:assert';
import type Redis from 'ioredis';
import { ManualClock, systemClock } from '../../../services/clock';
import { InProcessNoticeScheduler } from '../../../services/memory/inProcessNoticeScheduler';
import { MemoryConversationRefStore, MemoryNoticeLedger, MemoryNoticePreferenceStore } from '../../../services/memory/memoryNoticeStores';
import { BullmqNoticeScheduler } from '../../../services/redis/bullmqNoticeScheduler';
import { RedisConversationRefStore, RedisNoticeLedger, RedisNoticePreferenceStore } from '../../../services/redis/redisNoticeStores';
import { redisNoticeStores } from '../../../services/redis/redisNotices';
import { deleteByPrefix, connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../../support/testRedis';
import { describeNoticeQueueContract, describeNoticeStoresContract } from '../contracts/noticeStores.contract';

describeNoticeStoresContract('memory', async () => {
  const clock = new ManualClock('2026-03-01T00:00:00Z');
  return {
    clock,
    refs: new MemoryConversationRefStore(),
    prefs: new MemoryNoticePreferenceStore(clock),
    ledger: new MemoryNoticeLedger(clock),
  };
});

describeNoticeQueueContract('memory (in-process timers)', async () => {
  const scheduler = new InProcessNoticeScheduler({ clock: systemClock });
  return { scheduler, dispose: () => scheduler.stop() };
});

describe('notice stores on Redis', () => {
  let redis: Redis;
  const prefix = uniquePrefix('notice-stores');
  before(async () => {
    redis = await connectTestRedis();
  });
  after(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });
  let n = 0;
  describeNoticeStoresContract('redis', async () => {
    const clock = new ManualClock('2026-03-01T00:00:00Z');
    const p = `${prefix}${n++}:`;
    return {
      clock,
      refs: new RedisConversationRefStore(redis, p),
      prefs: new RedisNoticePreferenceStore(redis, p, clock),
      ledger: new RedisNoticeLedger(redis, p, clock),
    };
  });
  describeNoticeQueueContract('redis (BullMQ)', async () => {
    const queue = await redisNoticeStores({ client: redis, queueTarget: TEST_REDIS_URL, keyPrefix: `${prefix}${n++}:`, clock: systemClock }).openQueue({ concurrency: 1 });
    return { scheduler: queue.scheduler as BullmqNoticeScheduler, dispose: () => queue.close() };
  });
});

describe('notice stores when Redis is out of reach', () => {
  it('report StoreUnavailableError', async () => {
    const { default: IORedis } = await import('ioredis');
    const dead = new IORedis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    dead.on('error', () => undefined);
    try {
      await assert.rejects(new RedisConversationRefStore(dead, 'x:').get('t', 'u'), { name: 'StoreUnavailableError' });
      await assert.rejects(new RedisNoticeLedger(dead, 'x:').claim('k', 1000), { name: 'StoreUnavailableError' });
      await assert.rejects(new RedisNoticePreferenceStore(dead, 'x:').noticesEnabled('t', 'u'), { name: 'StoreUnavailableError' });
    } finally {
      dead.disconnect();
    }
  });
});
