/**
 * The store contracts, run on the embedded memory adapters and on real Redis.
 * Redis tests use two connections wherever two bot processes would.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import { ManualClock } from '../../services/clock';
import { MemoryAssociationStore } from '../../services/memory/memoryAssociationStore';
import { MemoryDocumentStore } from '../../services/memory/memoryDocumentStore';
import { MemoryOnceStore } from '../../services/memory/memoryOnceStore';
import { MemoryProfileStore } from '../../services/memory/memoryProfileStore';
import { RedisAssociationStore } from '../../services/redis/redisAssociationStore';
import { RedisDocumentStore } from '../../services/redis/redisDocumentStore';
import { RedisOnceStore } from '../../services/redis/redisOnceStore';
import { RedisProfileStore } from '../../services/redis/redisProfileStore';
import { TestRedis } from '../support/testRedis';
import { describeAssociationStoreContract } from './contracts/associationStore.contract';
import { describeDocumentStoreContract } from './contracts/documentStore.contract';
import { describeOnceStoreContract } from './contracts/onceStore.contract';
import { describeProfileStoreContract } from './contracts/profileStore.contract';

function manualElapse(clock: ManualClock) {
  return async (seconds: number) => clock.set(new Date(clock.now().getTime() + seconds * 1000));
}

describe('stores on memory', () => {
  describeAssociationStoreContract('memory', async () => {
    const store = new MemoryAssociationStore();
    return { store, other: store };
  });
  describeOnceStoreContract('memory', async () => {
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    return { store: new MemoryOnceStore(clock), elapse: manualElapse(clock) };
  });
  describeDocumentStoreContract('memory', async () => {
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const store = new MemoryDocumentStore(clock);
    return { store, other: store, elapse: manualElapse(clock) };
  });
  describeProfileStoreContract('memory', async () => new MemoryProfileStore());
});

describe('stores on Redis', () => {
  const redis = new TestRedis();
  let one: Redis;
  let two: Redis;
  before(async () => {
    one = await redis.connect({ connectionName: 'certlink-test-1' });
    two = await redis.connect({ connectionName: 'certlink-test-2' });
  });
  after(() => redis.cleanup());

  // Redis expires keys on its own clock: let the time really pass.
  const realElapse = (seconds: number) => sleep(seconds * 1000);

  describeAssociationStoreContract('redis', async () => {
    const prefix = redis.freshPrefix();
    const [store, other] = [new RedisAssociationStore(one, prefix), new RedisAssociationStore(two, prefix)];
    return { store, other, dispose: () => [store, other].forEach((s) => s.detach()) };
  });
  describeOnceStoreContract('redis', async () => ({ store: new RedisOnceStore(one, redis.freshPrefix()), elapse: realElapse }));
  describeDocumentStoreContract('redis', async () => {
    const prefix = redis.freshPrefix();
    return { store: new RedisDocumentStore(one, prefix), other: new RedisDocumentStore(two, prefix), elapse: realElapse };
  });
  describeProfileStoreContract('redis', async () => new RedisProfileStore(one, redis.freshPrefix()));
});
