import { strict as assert } from 'node:assert';
import type Redis from 'ioredis';
import { emptyRecord } from '../../../services/association/types';
import { isStoreUnavailable, StoreUnavailableError } from '../../../services/errors';
import { RedisAssociationStore } from '../../../services/redis/redisAssociationStore';
import { checkKeyPrefix, createQueueConnection, createRedisCluster, parseClusterNodes, redactCredentials, wrapRedisError } from '../../../services/redis/redisConnection';
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

  describe('Redis Cluster nodes (REDIS_CLUSTER_NODES)', () => {
    it('reads host:port lists, IPv6 included', () => {
      assert.deepEqual(parseClusterNodes(' 10.0.0.1:7000, [::1]:7001 '), {
        nodes: [
          { host: '10.0.0.1', port: 7000 },
          { host: '::1', port: 7001 },
        ],
      });
    });

    it('reads rediss:// URLs: TLS checked against the host name, and the access key as password', () => {
      assert.deepEqual(parseClusterNodes('rediss://:k%2Fey%3D@certlink.westeurope.redis.azure.net:10000'), {
        nodes: [{ host: 'certlink.westeurope.redis.azure.net', port: 10000 }],
        tlsServername: 'certlink.westeurope.redis.azure.net',
        username: undefined,
        password: 'k/ey=',
      });
      assert.deepEqual(parseClusterNodes('redis://app:pw@10.0.0.1:7000,10.0.0.2:7000'), {
        nodes: [
          { host: '10.0.0.1', port: 7000 },
          { host: '10.0.0.2', port: 7000 },
        ],
        tlsServername: undefined,
        username: 'app',
        password: 'pw',
      });
    });

    it('refuses URLs that disagree, and never repeats a password in its messages', () => {
      assert.throws(
        () => parseClusterNodes('rediss://:first@a:1,rediss://:second@b:1'),
        (err: Error) => /share one scheme/.test(err.message) && !/first|second/.test(err.message),
      );
      assert.throws(
        () => parseClusterNodes('rediss://:secret@[bad:1'),
        (err: Error) => /not valid/.test(err.message) && !err.message.includes('secret'),
      );
      assert.equal(redactCredentials('rediss://:s3cret@h:1,rediss://u:p@h:2'), 'rediss://***@h:1,rediss://***@h:2');
    });

    it('gives every node the TLS name and the password, the store connection and BullMQ’s alike', () => {
      const target = parseClusterNodes('rediss://:key@cache.example:10000');
      const store = createRedisCluster(target);
      const queue = createQueueConnection(target);
      try {
        for (const cluster of [store, queue]) {
          const options = (cluster as import('ioredis').Cluster).options.redisOptions ?? {};
          assert.equal(options.password, 'key');
          assert.deepEqual(options.tls, { servername: 'cache.example' });
        }
        assert.equal((queue as import('ioredis').Cluster).options.redisOptions?.maxRetriesPerRequest, null, 'BullMQ needs blocking commands that wait');
      } finally {
        store.disconnect();
        queue.disconnect();
      }
    });
  });
});
