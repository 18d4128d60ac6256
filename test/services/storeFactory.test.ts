import { strict as assert } from 'node:assert';
import { CertificationProfile } from '../../services/directory/types';
import { RedisProfileStore } from '../../services/redis/redisProfileStore';
import { createStores, Stores } from '../../services/storeFactory';
import { TEST_REDIS_URL, TestRedis } from '../support/testRedis';

const sample = (mcid: string, firstName: string, email: string): CertificationProfile => ({
  mcid,
  firstName,
  lastName: 'Sample',
  emails: [email],
  certifications: [],
});

describe('createStores', () => {
  it('builds the embedded stores without a Redis URL, seeded with the profiles given', async () => {
    const stores = await createStores({ redisUrl: null, profiles: [sample('1001', 'Alice', 'alice@contoso.example')] });
    assert.equal(stores.kind, 'memory');
    assert.equal(stores.redis, null);
    assert.equal(stores.health.kind, 'memory');
    assert.equal(await stores.health.ping(), true);
    assert.equal((await stores.profiles.findByEmail('ALICE@contoso.example'))?.mcid, '1001');
    await stores.close();
  });

  describe('on Redis', () => {
    const redis = new TestRedis();
    const opened: Stores[] = [];
    before(() => redis.connect());
    after(async () => {
      for (const s of opened) await s.close();
      await redis.cleanup();
    });

    it('builds Redis stores that share one prefix, and seeds only absent profiles', async () => {
      const keyPrefix = redis.freshPrefix();
      const first = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix, profiles: [sample('1001', 'Alice', 'alice@contoso.example')] });
      opened.push(first);
      assert.equal(first.kind, 'redis');
      assert.ok(first.redis);
      assert.equal(await first.health.ping(), true);
      // Imported data replaces the sample's.
      await first.profiles.upsert(sample('1001', 'Alice-imported', 'alice@contoso.example'));

      const second = await createStores({
        redisUrl: TEST_REDIS_URL,
        keyPrefix,
        profiles: [sample('1001', 'Alice', 'alice@contoso.example'), sample('1002', 'Bob', 'bob@contoso.example')],
      });
      opened.push(second);
      assert.equal((await second.profiles.get('1001'))?.firstName, 'Alice-imported', 'a restart does not overwrite imported data');
      assert.equal((await second.profiles.findByEmail('bob@contoso.example'))?.firstName, 'Bob');
      assert.equal(await second.once.claim('activity-1', 60), true);
      assert.equal(await first.once.claim('activity-1', 60), false, 'both processes see the same keys');
    });

    it('seeds a version of the profiles once: a restart with the same file brings no erased profile back', async () => {
      const keyPrefix = redis.freshPrefix();
      const file = [sample('2001', 'Alice', 'alice@contoso.example'), sample('2002', 'Bob', 'bob@contoso.example')];
      const first = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix, profiles: file });
      opened.push(first);
      assert.ok(first.redis);
      assert.equal(await new RedisProfileStore(first.redis, keyPrefix).erase('2001'), true, 'Alice said "delete my data"');

      const restarted = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix, profiles: file });
      opened.push(restarted);
      assert.equal(await restarted.profiles.get('2001'), null, 'the erased profile stays erased');
      assert.equal(await restarted.profiles.findByEmail('alice@contoso.example'), null);
      assert.equal((await restarted.profiles.get('2002'))?.firstName, 'Bob');

      // A new version of the file is seeded: its new people arrive (and so would an erased person left in it).
      const changed = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix, profiles: [...file, sample('2003', 'Chloé', 'chloe@contoso.example')] });
      opened.push(changed);
      assert.equal((await changed.profiles.findByEmail('chloe@contoso.example'))?.mcid, '2003');
      assert.equal((await changed.profiles.get('2001'))?.firstName, 'Alice');
    });

    it('seeds nothing for a process given no profiles (the notice worker), so the bot restarting after it brings no erased profile back', async () => {
      const keyPrefix = redis.freshPrefix();
      const file = [sample('2101', 'Alice', 'alice@contoso.example'), sample('2102', 'Bob', 'bob@contoso.example')];
      const bot = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix, profiles: file });
      opened.push(bot);
      assert.ok(bot.redis);
      assert.equal(await new RedisProfileStore(bot.redis, keyPrefix).erase('2101'), true);
      const worker = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix });
      opened.push(worker);
      const restarted = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix, profiles: file });
      opened.push(restarted);
      assert.equal(await restarted.profiles.get('2101'), null, 'the erased profile stays erased');
      assert.equal((await restarted.profiles.get('2102'))?.firstName, 'Bob');
    });

    it('closes its connection', async () => {
      const stores = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix: redis.freshPrefix() });
      await stores.close();
      assert.equal(await stores.health.ping(), false);
      assert.equal(stores.redis?.status, 'end');
    });
  });
});
