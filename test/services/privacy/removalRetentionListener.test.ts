import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { AssociationService } from '../../../services/association/associationService';
import { DEFAULT_LIMITS } from '../../../services/association/types';
import { ManualClock } from '../../../services/clock';
import { MemoryAssociationStore } from '../../../services/memory/memoryAssociationStore';
import { RemovalRetentionListener } from '../../../services/privacy/removalRetentionListener';
import { defaultRetention } from '../../../services/privacy/retention';

const A = '1111111';
const B = '2222222';
const DAY_MS = 86_400_000;

function setup() {
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const profiles = { expireProfileAt: sinon.stub().resolves(), persistProfile: sinon.stub().resolves(), erase: sinon.stub().resolves() };
  const records = { expireRecordAt: sinon.stub().resolves(), deleteRecord: sinon.stub().resolves(true) };
  const policy = defaultRetention(DEFAULT_LIMITS);
  const listener = new RemovalRetentionListener({ profiles, records, policy });
  const service = new AssociationService({ store: new MemoryAssociationStore(), clock, limits: DEFAULT_LIMITS, listeners: [listener] });
  return { clock, profiles, records, service, policy };
}

describe('RemovalRetentionListener', () => {
  it('a first link, a switch and a link after the person ended their own leave the profile alone', async () => {
    const { clock, profiles, records, service } = setup();
    await service.link('10203040', { mpnId: A, tenantId: 'ta', userId: 'alice', proof: 'email' });
    clock.advanceDays(31);
    await service.link('10203040', { mpnId: B, tenantId: 'tb', userId: 'alice', proof: 'email' });
    await service.unlink('10203040', 'alice');
    assert.equal(records.expireRecordAt.callCount, 1, 'the record of an ended link expires');
    clock.advanceDays(31);
    await service.link('10203040', { mpnId: A, tenantId: 'ta', userId: 'alice', proof: 'email' });
    assert.equal(profiles.persistProfile.callCount, 0);
    assert.equal(profiles.expireProfileAt.callCount, 0);
  });

  it('an admin removal puts an expiry on the profile and the record; linking again takes the profile’s off', async () => {
    const { clock, profiles, records, service, policy } = setup();
    await service.link('10203040', { mpnId: A, tenantId: 'ta', userId: 'alice', proof: 'email' });
    await service.removeFromOrg('10203040', A, 'admin');
    const due = clock.now().getTime() + policy.startRetentionDays * DAY_MS;
    assert.deepEqual(profiles.expireProfileAt.firstCall.args.map(String), ['10203040', String(new Date(due))]);
    assert.equal(records.expireRecordAt.firstCall.args[1].getTime(), due);
    clock.advanceDays(31);
    await service.link('10203040', { mpnId: B, tenantId: 'tb', userId: 'alice', proof: 'email' });
    assert.deepEqual(profiles.persistProfile.args, [['10203040']]);
  });
});
