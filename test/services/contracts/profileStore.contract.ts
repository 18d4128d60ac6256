import { strict as assert } from 'node:assert';
import { listsEmail, ProfileStore } from '../../../services/directory/profileStore';
import { CertificationProfile } from '../../../services/directory/types';

function profile(mcid: string, emails: string[]): CertificationProfile {
  return {
    mcid,
    firstName: `First${mcid}`,
    lastName: `Last${mcid}`,
    emails,
    certifications: [{ number: 'AZ-104', title: 'Azure Administrator Associate', type: 'certification', earnedOn: '2025-04-02' }],
  };
}

export function describeProfileStoreContract(name: string, make: () => Promise<ProfileStore>): void {
  describe(`ProfileStore contract: ${name}`, () => {
    let store: ProfileStore;
    beforeEach(async () => {
      store = await make();
    });

    it('reads profiles by MCID, many at once in order with null for the missing', async () => {
      const p1 = profile('1001', ['one@contoso.example']);
      const p2 = profile('1002', ['two@contoso.example']);
      await store.upsert(p1);
      await store.upsert(p2);
      assert.deepEqual(await store.get('1001'), p1);
      assert.equal(await store.get('9999'), null);
      assert.deepEqual(await store.getMany(['1002', '9999', '1001']), [p2, null, p1]);
      assert.deepEqual(await store.getMany([]), []);
    });

    it('finds a profile by email whatever its case and surrounding spaces', async () => {
      const p = profile('1001', ['Alice.Martin@Contoso.example']);
      await store.upsert(p);
      assert.deepEqual(await store.findByEmail('alice.martin@contoso.example'), p);
      assert.deepEqual(await store.findByEmail('  ALICE.MARTIN@CONTOSO.EXAMPLE '), p);
      assert.equal(await store.findByEmail('bob@contoso.example'), null);
    });

    it('names the MCID an email leads to, whatever its case, for a caller that verifies the profile', async () => {
      const p = profile('1001', ['Alice.Martin@Contoso.example']);
      await store.upsert(p);
      assert.equal(await store.mcidForEmail(' ALICE.martin@contoso.example'), '1001');
      assert.equal(await store.mcidForEmail('bob@contoso.example'), null);
      assert.equal(listsEmail(await store.get('1001'), 'alice.martin@CONTOSO.example'), true);
      assert.equal(listsEmail(await store.get('1001'), 'bob@contoso.example'), false);
      assert.equal(listsEmail(null, 'alice.martin@contoso.example'), false);
    });

    it('re-indexes emails on upsert', async () => {
      await store.upsert(profile('1001', ['a@x.example', 'b@x.example']));
      const updated = profile('1001', ['b@x.example', 'c@x.example']);
      await store.upsert(updated);
      assert.equal(await store.findByEmail('a@x.example'), null);
      assert.deepEqual(await store.findByEmail('b@x.example'), updated);
      assert.deepEqual(await store.findByEmail('c@x.example'), updated);
    });

    it('keeps an email with the profile that took it over', async () => {
      await store.upsert(profile('1001', ['shared@x.example']));
      const taker = profile('1002', ['shared@x.example']);
      await store.upsert(taker);
      assert.deepEqual(await store.findByEmail('shared@x.example'), taker);
      await store.upsert(profile('1001', []));
      assert.deepEqual(await store.findByEmail('shared@x.example'), taker);
    });
  });
}
