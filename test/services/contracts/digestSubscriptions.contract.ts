/** What every backend's digest subscriptions promise: per admin and organization, opt-in, forgotten whole on erasure. */
import { strict as assert } from 'node:assert';
import { DigestSubscriptions } from '../../../services/renewals/digestSubscriptions';

export function describeDigestSubscriptionsContract(name: string, make: () => Promise<DigestSubscriptions>): void {
  describe(`digest subscriptions contract: ${name}`, () => {
    let s: DigestSubscriptions;
    beforeEach(async () => {
      s = await make();
    });

    it('is off until the admin subscribes, per organization and person', async () => {
      assert.equal(await s.isSubscribed('Tenant-1', 'u1', '1234567'), false);
      await s.subscribe('Tenant-1', 'u1', '1234567');
      await s.subscribe('tenant-1', 'u1', '1234567'); // twice, and the tenant in another case: one subscription
      assert.equal(await s.isSubscribed('tenant-1', 'u1', '1234567'), true);
      assert.equal(await s.isSubscribed('tenant-1', 'u1', '7654321'), false);
      assert.equal(await s.isSubscribed('tenant-1', 'u2', '1234567'), false);
      await s.unsubscribe('TENANT-1', 'u1', '1234567');
      assert.equal(await s.isSubscribed('tenant-1', 'u1', '1234567'), false);
    });

    it('forgets every subscription of a person, and only theirs', async () => {
      await s.subscribe('tenant-1', 'u1', '1234567');
      await s.subscribe('tenant-1', 'u1', '7654321');
      await s.subscribe('tenant-1', 'u2', '1234567');
      await s.forget('tenant-1', 'u1');
      assert.equal(await s.isSubscribed('tenant-1', 'u1', '1234567'), false);
      assert.equal(await s.isSubscribed('tenant-1', 'u1', '7654321'), false);
      assert.equal(await s.isSubscribed('tenant-1', 'u2', '1234567'), true);
    });
  });
}
