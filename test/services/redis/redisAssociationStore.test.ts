/** Redis-only behaviour of the association store; the shared behaviour is in the contract suite. */
import { strict as assert } from 'node:assert';
import type Redis from 'ioredis';
import sinon from 'sinon';
import { emptyRecord, McidRecord } from '../../../services/association/types';
import { RedisAssociationKeys, RedisAssociationStore } from '../../../services/redis/redisAssociationStore';
import { TestRedis } from '../../support/testRedis';

const linked: McidRecord = {
  ...emptyRecord('100'),
  version: 1,
  link: { mpnId: '1111111', tenantId: 'tenant-a', userId: 'alice', since: '2026-01-05T09:00:00.000Z', proof: 'email' },
  starts: [{ mpnId: '1111111', at: '2026-01-05T09:00:00.000Z' }],
};

describe('RedisAssociationStore', () => {
  const redis = new TestRedis();
  let client: Redis;
  before(async () => {
    client = await redis.connect();
  });
  afterEach(() => sinon.restore());
  after(() => redis.cleanup());

  it('keeps each record and each index on its own hash tag', () => {
    const keys = new RedisAssociationKeys('certlink:');
    assert.equal(keys.record('123'), 'certlink:{mcid:123}:record');
    assert.equal(keys.orgMembers('1111111'), 'certlink:{org:1111111}:members');
    assert.equal(keys.orgMemberVersion('1111111', '200'), 'certlink:{org:1111111}:memberVersion:200');
    assert.equal(keys.person('TENANT', 'user'), 'certlink:{person:tenant|user}');
  });

  it('reports a save that happened even when the index update then fails, and repairs the indexes later', async () => {
    const failures: string[] = [];
    const store = new RedisAssociationStore(client, redis.freshPrefix(), { onIndexError: (_err, mcid) => failures.push(mcid) });
    // The index step's commands fail (the record's own script is not stubbed).
    sinon.stub(client, 'set').rejects(new Error('Connection is closed.'));
    sinon.stub(client, 'certlinkOrgMembership').rejects(new Error('Connection is closed.'));

    assert.equal(await store.saveRecord(emptyRecord('100'), linked), true);
    sinon.restore();
    assert.deepEqual(failures, ['100']);
    assert.deepEqual(await store.getRecord('100'), linked);
    assert.equal(await store.mcidForPerson('tenant-a', 'alice'), null, 'the index update really failed');

    assert.equal(store.unindexedCount, 1, 'the failed index step is kept to apply again');
    assert.equal(await store.retryUnindexed(), 1);
    assert.equal(store.unindexedCount, 0);
    assert.equal(await store.mcidForPerson('tenant-a', 'alice'), '100');
    await store.repairIndexes('100');
    assert.equal(await store.mcidForPerson('tenant-a', 'alice'), '100');
    assert.equal(await store.countOrgMembers('1111111'), 1);
  });

  it('retries its unindexed saves when the connection is ready again, until detached from it', async () => {
    const store = new RedisAssociationStore(client, redis.freshPrefix());
    const retry = sinon.stub(store, 'retryUnindexed').resolves(0);
    const listeners = client.listenerCount('ready');
    client.emit('ready');
    assert.equal(retry.callCount, 1);
    store.detach();
    assert.equal(client.listenerCount('ready'), listeners - 1);
    client.emit('ready');
    assert.equal(retry.callCount, 1, 'a detached store no longer reacts to the shared connection');
  });

  it('forgets membership versions with the record, so a new record (version 1) is indexed again', async () => {
    const prefix = redis.freshPrefix();
    const store = new RedisAssociationStore(client, prefix);
    const keys = new RedisAssociationKeys(prefix);
    const empty = { mcid: '300', version: 0, link: null, starts: [], ended: [] };
    const at = '2026-01-05T10:00:00.000Z';
    const link = { mpnId: '1111111', tenantId: 'tenant-a', userId: 'carol', since: at, proof: 'email' as const };
    const v1 = { ...empty, version: 1, link, starts: [{ mpnId: '1111111', at }] };
    const v2 = { ...v1, version: 2, link: null };
    const v3 = { ...v1, version: 3 };
    assert.ok(await store.saveRecord(empty, v1));
    assert.ok(await store.saveRecord(v1, v2));
    assert.ok(await store.saveRecord(v2, v3));
    assert.equal(await client.get(keys.orgMemberVersion('1111111', '300')), '3');
    assert.ok((await client.ttl(keys.orgMemberVersion('1111111', '300'))) > 0, 'versions expire on their own');

    assert.ok(await store.deleteRecord(v3));
    assert.equal(await client.exists(keys.orgMemberVersion('1111111', '300')), 0);
    assert.ok(await store.saveRecord(empty, v1));
    assert.equal(await store.countOrgMembers('1111111'), 1);
  });

  it('ends the org index as the newest record says when two index steps arrive out of order', async () => {
    const prefix = redis.freshPrefix();
    const store = new RedisAssociationStore(client, prefix);
    const keys = new RedisAssociationKeys(prefix);
    // Version 2 (a removal) applied first, then version 1's late "add": the add must be ignored.
    assert.equal(await client.certlinkOrgMembership(keys.orgMembers('1111111'), keys.orgMemberVersion('1111111', '200'), '200', '2', '0', '60'), 1);
    assert.equal(await client.certlinkOrgMembership(keys.orgMembers('1111111'), keys.orgMemberVersion('1111111', '200'), '200', '1', '1', '60'), 0);
    assert.equal(await store.countOrgMembers('1111111'), 0);
    assert.equal(await client.certlinkOrgMembership(keys.orgMembers('1111111'), keys.orgMemberVersion('1111111', '200'), '200', '3', '1', '60'), 1);
    assert.equal(await store.countOrgMembers('1111111'), 1);
  });
});
