/**
 * Every adapter method fails with StoreUnavailableError, promptly, while
 * Redis is unreachable or frozen, and works again by itself when it returns.
 */
import { strict as assert } from 'node:assert';
import type Redis from 'ioredis';
import { emptyRecord, McidRecord } from '../../../services/association/types';
import { isStoreUnavailable } from '../../../services/errors';
import { RedisAssociationStore } from '../../../services/redis/redisAssociationStore';
import { createRedis } from '../../../services/redis/redisConnection';
import { RedisDocumentStore } from '../../../services/redis/redisDocumentStore';
import { RedisHealth } from '../../../services/redis/redisHealth';
import { RedisOnceStore } from '../../../services/redis/redisOnceStore';
import { RedisProfileStore } from '../../../services/redis/redisProfileStore';
import { createStores } from '../../../services/storeFactory';
import { eventually, ThrowawayRedis } from '../../support/throwawayRedis';

const linked: McidRecord = {
  ...emptyRecord('100'),
  version: 1,
  link: { mpnId: '1111111', tenantId: 't', userId: 'u', since: '2026-01-05T09:00:00.000Z', proof: 'email' },
  starts: [{ mpnId: '1111111', at: '2026-01-05T09:00:00.000Z' }],
};

async function drain(it: AsyncIterable<string[]>): Promise<string[]> {
  const out: string[] = [];
  for await (const b of it) out.push(...b);
  return out;
}

/** Every public method of every Redis adapter, as one call each. */
function everyAdapterCall(redis: Redis): [string, () => Promise<unknown>][] {
  const associations = new RedisAssociationStore(redis, 'test:down:');
  const once = new RedisOnceStore(redis, 'test:down:');
  const documents = new RedisDocumentStore(redis, 'test:down:');
  const profiles = new RedisProfileStore(redis, 'test:down:');
  const profile = { mcid: '100', firstName: 'F', lastName: 'L', emails: ['x@x.example'], certifications: [] };
  return [
    ['associations.getRecord', () => associations.getRecord('100')],
    ['associations.getRecords', () => associations.getRecords(['100', '200'])],
    ['associations.saveRecord', () => associations.saveRecord(emptyRecord('100'), linked)],
    ['associations.mcidForPerson', () => associations.mcidForPerson('t', 'u')],
    ['associations.scanOrgMembers', () => drain(associations.scanOrgMembers('1111111'))],
    ['associations.countOrgMembers', () => associations.countOrgMembers('1111111')],
    ['once.claim', () => once.claim('k', 60)],
    ['once.release', () => once.release('k')],
    ['documents.read', () => documents.read(['k'])],
    ['documents.write', () => documents.write('k', { v: 1 }, undefined)],
    ['documents.delete', () => documents.delete(['k'])],
    ['profiles.get', () => profiles.get('100')],
    ['profiles.getMany', () => profiles.getMany(['100'])],
    ['profiles.findByEmail', () => profiles.findByEmail('x@x.example')],
    ['profiles.upsert', () => profiles.upsert(profile)],
    ['profiles.seedFromSource', () => profiles.seedFromSource([profile])],
  ];
}

async function assertUnavailable(name: string, call: () => Promise<unknown>): Promise<void> {
  await assert.rejects(call, (err: unknown) => {
    assert.ok(isStoreUnavailable(err), `${name} rejected with ${String(err)} instead of StoreUnavailableError`);
    return true;
  });
}

describe('Redis adapters when nothing listens', () => {
  let redis: Redis;
  before(() => {
    redis = createRedis('redis://127.0.0.1:1');
  });
  after(() => redis.disconnect());

  it('reject every method with StoreUnavailableError', async () => {
    for (const [name, call] of everyAdapterCall(redis)) await assertUnavailable(name, call);
  });

  it('report not healthy without throwing', async () => {
    assert.equal(await new RedisHealth(redis).ping(), false);
  });

  it('make createStores fail with StoreUnavailableError instead of starting half-connected', async () => {
    await assertUnavailable('createStores', () => createStores({ redisUrl: 'redis://127.0.0.1:1', connectWaitMs: 300 }));
  });
});

describe('Redis adapters across an outage', () => {
  let server: ThrowawayRedis;
  let redis: Redis;
  let store: RedisAssociationStore;
  let health: RedisHealth;

  before(async () => {
    server = await ThrowawayRedis.start();
    // A short command timeout keeps the frozen-server test brief; the production default is 1500 ms.
    redis = createRedis(server.url, { maxReconnectDelayMs: 500, commandTimeoutMs: 500 });
    await eventually(() => redis.ping());
    store = new RedisAssociationStore(redis, 'test:outage:');
    health = new RedisHealth(redis);
  });
  after(async () => {
    redis?.disconnect();
    await server?.dispose();
  });

  it('fail every method while the server is frozen, then carry on when it thaws', async () => {
    assert.equal(await store.saveRecord(emptyRecord('100'), linked), true);
    server.pause();
    try {
      // All at once, as concurrent turns would hit it: each must give up on its own.
      await Promise.all(everyAdapterCall(redis).map(([name, call]) => assertUnavailable(name, call)));
      assert.equal(await health.ping(), false);
    } finally {
      server.resume();
    }
    assert.deepEqual(await eventually(() => store.getRecord('100')), linked);
    assert.equal(await health.ping(), true);
  });

  it('fail while the server is down and recover by themselves when it is back on the same port', async () => {
    await server.stop();
    for (const [name, call] of everyAdapterCall(redis)) await assertUnavailable(name, call);
    assert.equal(await health.ping(), false);

    await server.start();
    // Nothing was saved to disk, so the restarted server is empty: a fresh write proves the client is back.
    assert.equal(await eventually(() => store.saveRecord(emptyRecord('200'), { ...linked, mcid: '200' })), true);
    assert.equal((await store.getRecord('200'))?.mcid, '200');
    assert.equal(await health.ping(), true);
  });
});
