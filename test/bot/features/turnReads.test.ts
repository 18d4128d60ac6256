import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { Turn } from '../../../bot/runtime/turn';
import { TurnReads } from '../../../bot/features/turnReads';
import { AssociationService } from '../../../services/association/associationService';
import { DEFAULT_LIMITS } from '../../../services/association/types';
import { ManualClock } from '../../../services/clock';
import { CertificationProfile } from '../../../services/directory/types';
import { MemoryAssociationStore } from '../../../services/memory/memoryAssociationStore';
import { MemoryProfileStore } from '../../../services/memory/memoryProfileStore';

const alice: CertificationProfile = {
  mcid: '10203040',
  firstName: 'Alice',
  lastName: 'Martin',
  emails: ['alice@contoso.com'],
  certifications: [{ number: 'AZ-104', title: 'Microsoft Certified: Azure Administrator Associate', type: 'certification', earnedOn: '2025-04-02' }],
};
const who = { tenantId: 'tenant-a', userId: 'aad-alice' };
const turn = {} as Turn;

function setup(email: string | null = 'alice@contoso.com') {
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const store = new MemoryAssociationStore(clock);
  const associations = new AssociationService({ store, clock, limits: DEFAULT_LIMITS });
  const profiles = new MemoryProfileStore([alice], clock);
  const members = { personOf: sinon.stub().resolves(email === null ? null : { email, upn: email, guest: false }) };
  const orgs = { forTenant: () => ({ mpnId: '1234567', name: 'Contoso', tenantIds: [who.tenantId], globalAdmins: [], domains: ['contoso.com'] }) };
  return { store, associations, profiles, members, reads: () => new TurnReads({ associations, profiles, members, orgs }, turn, who) };
}

describe('TurnReads: the reads a turn shares', () => {
  it('reads each thing once per turn, however many ask, and again in the next turn', async () => {
    const s = setup();
    const ofPerson = sinon.spy(s.associations, 'recordOfPerson');
    const reads = s.reads();
    reads.start(['mine', 'byEmail']);
    const [first, second, byEmail, email] = await Promise.all([reads.mine(), reads.mine(), reads.byEmail(), reads.email()]);
    assert.equal(first, null);
    assert.equal(second, null);
    assert.equal(email, 'alice@contoso.com');
    assert.equal(byEmail.profile?.mcid, '10203040');
    assert.equal(byEmail.record?.version, 0, 'the record of a profile that never linked is the empty one');
    assert.equal(ofPerson.callCount, 1);
    assert.equal(s.members.personOf.callCount, 1);
    await s.reads().mine();
    assert.equal(ofPerson.callCount, 2);
  });

  it('reads the profile and its record together once the email names the MCID', async () => {
    const s = setup();
    let releaseProfile!: () => void;
    const profileHeld = new Promise<void>((resolve) => (releaseProfile = resolve));
    const get = s.profiles.get.bind(s.profiles);
    sinon.stub(s.profiles, 'get').callsFake(async (mcid) => {
      await profileHeld;
      return get(mcid);
    });
    const record = sinon.spy(s.associations, 'record');
    const pending = s.reads().byEmail();
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(record.callCount, 1, 'the record was asked for while the profile was still on its way');
    releaseProfile();
    assert.equal((await pending).profile?.mcid, '10203040');
  });

  it('finds nothing by email when the profile no longer lists it (the email index lags) or Teams gave none', async () => {
    const s = setup();
    sinon.stub(s.profiles, 'get').resolves({ ...alice, emails: ['alice.martin@fabrikam.com'] });
    assert.deepEqual(await s.reads().byEmail(), { email: 'alice@contoso.com', profile: null, record: null, unproven: null });
    const none = setup(null);
    assert.deepEqual(await none.reads().byEmail(), { email: null, profile: null, record: null, unproven: null });
  });

  it('gives a failed read ahead to whoever asks, and none to the process when nobody does', async () => {
    const s = setup();
    const outage = Object.assign(new Error('store down'), { code: 'STORE_UNAVAILABLE' });
    sinon.stub(s.associations, 'recordOfPerson').rejects(outage);
    const unhandled = sinon.spy();
    process.on('unhandledRejection', unhandled);
    try {
      s.reads().start(['mine']);
      const asked = s.reads();
      asked.start(['mine']);
      await assert.rejects(asked.mine(), /store down/);
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(unhandled.callCount, 0);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('reads the record and the profile a card is about only once the card is known', async () => {
    const s = setup();
    const record = sinon.spy(s.associations, 'record');
    const profile = sinon.spy(s.profiles, 'get');
    const reads = s.reads();
    reads.start(['mine', 'cardRecord', 'cardProfile']);
    assert.equal(record.callCount + profile.callCount, 0);
    reads.start(['mine', 'cardRecord', 'cardProfile'], { payload: { mcid: '10203040' } });
    assert.equal(record.callCount, 1);
    assert.equal(profile.callCount, 1);
    assert.equal((await reads.record('10203040')).mcid, '10203040');
    assert.equal((await reads.profile('10203040'))?.firstName, 'Alice');
    assert.equal(record.callCount + profile.callCount, 2, 'asked again, nothing is read again');
  });
});
