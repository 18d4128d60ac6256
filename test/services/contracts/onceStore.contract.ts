import { strict as assert } from 'node:assert';
import { OnceStore } from '../../../services/kv/onceStore';

export interface OnceStoreFixture {
  store: OnceStore;
  /** Lets `seconds` pass for the store's expiry (a manual clock in memory, real time on Redis). */
  elapse(seconds: number): Promise<void>;
}

export function describeOnceStoreContract(name: string, make: () => Promise<OnceStoreFixture>): void {
  describe(`OnceStore contract: ${name}`, () => {
    let f: OnceStoreFixture;
    beforeEach(async () => {
      f = await make();
    });

    it('grants a claim once, and independently per key', async () => {
      assert.equal(await f.store.claim('activity-1', 60), true);
      assert.equal(await f.store.claim('activity-1', 60), false);
      assert.equal(await f.store.claim('activity-2', 60), true);
    });

    it('tells whether a key is claimed without claiming it', async () => {
      assert.equal(await f.store.isClaimed('peek'), false);
      assert.equal(await f.store.isClaimed('peek'), false);
      assert.equal(await f.store.claim('peek', 60), true, 'looking took no claim');
      assert.equal(await f.store.isClaimed('peek'), true);
      await f.store.release('peek');
      assert.equal(await f.store.isClaimed('peek'), false);
    });

    it('grants the claim again after release', async () => {
      await f.store.claim('k', 60);
      await f.store.release('k');
      assert.equal(await f.store.claim('k', 60), true);
      await f.store.release('never-claimed');
    });

    it('grants the claim again once its time is up, not before', async () => {
      assert.equal(await f.store.claim('short', 1), true);
      assert.equal(await f.store.claim('long', 30), true);
      await f.elapse(1.2);
      assert.equal(await f.store.claim('short', 1), true);
      assert.equal(await f.store.claim('long', 30), false);
    });
  });
}
