import { strict as assert } from 'node:assert';
import { MemoryPartnerAdminStore } from '../../../services/memory/memoryPartnerAdminStore';
import { RedisPartnerAdminStore } from '../../../services/redis/redisPartnerAdminStore';
import { PartnerAdminStore } from '../../../services/roles/partnerAdminStore';
import { useSuiteRedis } from '../../support/testRedis';

function contract(name: string, make: () => PartnerAdminStore) {
  describe(`PartnerAdminStore contract: ${name}`, () => {
    it('adds, lists sorted, answers has, removes', async () => {
      const store = make();
      assert.equal(await store.add('1111', 'u-b'), true);
      assert.equal(await store.add('1111', 'u-a'), true);
      assert.equal(await store.add('1111', 'u-a'), false);
      assert.deepEqual(await store.list('1111'), ['u-a', 'u-b']);
      assert.equal(await store.has('1111', 'u-a'), true);
      assert.equal(await store.remove('1111', 'u-a'), true);
      assert.equal(await store.remove('1111', 'u-a'), false);
      assert.equal(await store.has('1111', 'u-a'), false);
      assert.deepEqual(await store.list('1111'), ['u-b']);
    });

    it('keeps orgs apart', async () => {
      const store = make();
      await store.add('1111', 'u-a');
      assert.equal(await store.has('2222', 'u-a'), false);
      assert.deepEqual(await store.list('2222'), []);
    });
  });
}

contract('memory', () => new MemoryPartnerAdminStore());

describe('PartnerAdminStore on Redis', () => {
  const r = useSuiteRedis('partnerAdmins');
  contract('redis', () => new RedisPartnerAdminStore(r.client(), r.freshPrefix()));
});
