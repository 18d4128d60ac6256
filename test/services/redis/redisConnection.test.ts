import { strict as assert } from 'node:assert';
import type Redis from 'ioredis';
import { emptyRecord } from '../../../services/association/types';
import { isStoreUnavailable, StoreUnavailableError } from '../../../services/errors';
import { RedisAssociationStore } from '../../../services/redis/redisAssociationStore';
import { checkKeyPrefix, wrapRedisError } from '../../../services/redis/redisConnection';
import { TestRedis } from '../../support/testRedis';

describe('redisConnection', () => {
  const redis = new TestRedis();
  let client: Redis;
  before(async () => {
    client = await redis.connect();
  });
  after(() => redis.cleanup());

  it('turns outage errors into StoreUnavailableError and keeps the original as the cause', () => {
    const timeout = new Error('Command timed out');
    const wrapped = wrapRedisError(timeout, 'getRecord');
    assert.ok(wrapped instanceof StoreUnavailableError);
    assert.equal(wrapped.cause, timeout);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    assert.ok(isStoreUnavailable(wrapRedisError(refused)));
  });

  it('lets a real bug through unchanged instead of calling it an outage', async () => {
    const prefix = redis.freshPrefix();
    await client.hset(`${prefix}{mcid:100}:record`, 'not', 'a string');
    const store = new RedisAssociationStore(client, prefix);
    await assert.rejects(store.getRecord('100'), (err: Error) => {
      assert.equal(isStoreUnavailable(err), false);
      assert.match(err.message, /WRONGTYPE/);
      return true;
    });
    await assert.rejects(store.saveRecord(emptyRecord('100'), { ...emptyRecord('100'), version: 1 }), (err: Error) => {
      assert.equal(isStoreUnavailable(err), false);
      return true;
    });
    assert.equal(isStoreUnavailable(wrapRedisError(new TypeError('x is undefined'))), false);
  });

  it('refuses a key prefix that would move keys to another hash slot', () => {
    assert.throws(() => checkKeyPrefix('app{x}:'), /braces/);
    assert.equal(checkKeyPrefix('certlink:'), 'certlink:');
  });
});
