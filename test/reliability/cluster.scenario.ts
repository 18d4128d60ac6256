/**
 * Scenario c: a Redis Cluster of three masters on loopback, started here. The
 * store contract suites (the same files npm test runs on one Redis, the notice
 * stores and the BullMQ notice queue included) and the concurrency scenario run
 * unchanged on it; notices queued by a bot process reach each person once across
 * a restart of the bot and the notice worker, notices left under the queue's old
 * keys included; no CROSSSLOT anywhere.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { strict as assert } from 'node:assert';
import type { Cluster } from 'ioredis';
import { RedisAssociationStore } from '../../services/redis/redisAssociationStore';
import { createRedisCluster, parseClusterNodes, waitUntilReady } from '../../services/redis/redisConnection';
import { RedisDocumentStore } from '../../services/redis/redisDocumentStore';
import { RedisOnceStore } from '../../services/redis/redisOnceStore';
import { RedisProfileStore } from '../../services/redis/redisProfileStore';
import { RedisCounterStore } from '../../services/redis/redisCounterStore';
import { ManualClock, systemClock } from '../../services/clock';
import { BullmqNoticeScheduler } from '../../services/redis/bullmqNoticeScheduler';
import { RedisConversationRefStore, RedisNoticeLedger, RedisNoticePreferenceStore } from '../../services/redis/redisNoticeStores';
import { redisNoticeStores } from '../../services/redis/redisNotices';
import { describeNoticeQueueContract, describeNoticeStoresContract } from '../services/contracts/noticeStores.contract';
import { describeAssociationStoreContract } from '../services/contracts/associationStore.contract';
import { describeDocumentStoreContract } from '../services/contracts/documentStore.contract';
import { describeOnceStoreContract } from '../services/contracts/onceStore.contract';
import { describeProfileStoreContract } from '../services/contracts/profileStore.contract';
import { concurrencyScenario } from './concurrency.scenario';
import { noticesAcrossRestarts } from './support/noticeRestarts';
import { RedisClusterHandle, startRedisCluster } from './support/redisCluster';
import { printFigures } from './support/figures';

describe('reliability c: Redis Cluster (3 masters, started here)', function () {
  this.timeout(15 * 60 * 1000);
  let cluster: RedisClusterHandle;
  let one: Cluster;
  let two: Cluster;
  let n = 0;
  const prefix = () => `rel:${process.pid}:${++n}:`;
  before(async () => {
    const started = Date.now();
    cluster = await startRedisCluster(3);
    one = createRedisCluster(parseClusterNodes(cluster.nodes), { connectionName: 'certlink-cluster-1' });
    two = createRedisCluster(parseClusterNodes(cluster.nodes), { connectionName: 'certlink-cluster-2' });
    await waitUntilReady(one, 10000);
    await waitUntilReady(two, 10000);
    printFigures('c. Redis Cluster started', { nodes: cluster.nodes, 'seconds to create': ((Date.now() - started) / 1000).toFixed(1) });
  });

  after(async () => {
    one?.disconnect();
    two?.disconnect();
    await cluster?.stop();
  });

  describe('store contracts on the cluster', () => {
    const realElapse = (seconds: number) => sleep(seconds * 1000);
    describeAssociationStoreContract('redis cluster', async () => {
      const p = prefix();
      const [store, other] = [new RedisAssociationStore(one, p), new RedisAssociationStore(two, p)];
      return { store, other, dispose: () => [store, other].forEach((s) => s.detach()) };
    });
    describeOnceStoreContract('redis cluster', async () => ({ store: new RedisOnceStore(one, prefix()), elapse: realElapse }));
    describeDocumentStoreContract('redis cluster', async () => {
      const p = prefix();
      return { store: new RedisDocumentStore(one, p), other: new RedisDocumentStore(two, p), elapse: realElapse };
    });
    describeProfileStoreContract('redis cluster', async () => new RedisProfileStore(one, prefix()));
    describeNoticeStoresContract('redis cluster', async () => {
      const clock = new ManualClock('2026-03-01T00:00:00Z');
      const p = prefix();
      return { clock, refs: new RedisConversationRefStore(one, p), prefs: new RedisNoticePreferenceStore(one, p, clock), ledger: new RedisNoticeLedger(two, p, clock) };
    });
    describeNoticeQueueContract('redis cluster (BullMQ, hash-tagged prefix)', async () => {
      const queue = await redisNoticeStores({ client: one, queueTarget: parseClusterNodes(cluster.nodes), keyPrefix: prefix(), clock: systemClock }).openQueue({ concurrency: 1 });
      return { scheduler: queue.scheduler as BullmqNoticeScheduler, dispose: () => queue.close() };
    });

    it('counts rate-limit hits on the cluster', async () => {
      const counters = new RedisCounterStore(one, prefix());
      assert.deepEqual([await counters.increment('k', 60), await counters.increment('k', 60)], [1, 2]);
    });

    it('spreads the keys over all three masters (so cross-slot commands would have failed)', async () => {
      const p = prefix();
      const store = new RedisProfileStore(one, p);
      await store.seedFromSource(Array.from({ length: 60 }, (_, i) => ({ mcid: String(1000 + i), firstName: 'A', lastName: 'B', emails: [`a${i}@x.example`], certifications: [] })));
      const perNode = await Promise.all(one.nodes('master').map(async (node) => (await node.keys(`${p}*`)).length));
      printFigures('c. keys per master', Object.fromEntries(perNode.map((count, i) => [`master ${i + 1}`, count])));
      assert.ok(
        perNode.every((count) => count > 0),
        JSON.stringify(perNode),
      );
      assert.equal((await store.getMany(['1000', '1059', '9999'])).map((p) => p?.mcid ?? null).join(','), '1000,1059,');
    });
  });

  it('a. concurrency scenario on the cluster: zero violations, no CROSSSLOT', async () => {
    await concurrencyScenario({ REDIS_CLUSTER_NODES: cluster.nodes }, one, prefix(), 'c. concurrency on Redis Cluster (3 masters)');
  });

  it('notices queued on the cluster reach each person exactly once across a restart of the bot and the worker, old keys carried over', async () => {
    await noticesAcrossRestarts(cluster.nodes, one, prefix());
  });
});
