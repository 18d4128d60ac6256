import { strict as assert } from 'node:assert';
import { AssociationService } from '../../../services/association/associationService';
import { DEFAULT_LIMITS } from '../../../services/association/types';
import { AuditTrailListener } from '../../../services/audit/auditTrailListener';
import { ManualClock } from '../../../services/clock';
import { MemoryAssociationStore } from '../../../services/memory/memoryAssociationStore';
import { MemoryAuditLog } from '../../../services/memory/memoryAuditLog';

const A = '1111111';
const B = '2222222';

function setup() {
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const audit = new MemoryAuditLog();
  const store = new MemoryAssociationStore();
  const service = new AssociationService({ store, clock, limits: DEFAULT_LIMITS, listeners: [new AuditTrailListener(audit)] });
  return { clock, audit, store, service };
}

const brief = async (audit: MemoryAuditLog, mpnId: string) => (await audit.latest(mpnId, 20)).reverse().map((e) => [e.action, e.actorUserId, e.mcid, e.targetUserId ?? null]);

describe('AuditTrailListener', () => {
  it('records link, switch out of A and into B, and removal by the person', async () => {
    const { clock, audit, service } = setup();
    await service.link('10203040', { mpnId: A, tenantId: 'ta', userId: 'alice-a', proof: 'email' });
    clock.advanceDays(31);
    await service.link('10203040', { mpnId: B, tenantId: 'tb', userId: 'alice-b', proof: 'email' });
    await service.unlink('10203040', 'alice-b');

    assert.deepEqual(await brief(audit, A), [
      ['link', 'alice-a', '10203040', null],
      ['switchOut', 'alice-b', '10203040', null],
    ]);
    assert.deepEqual(await brief(audit, B), [
      ['switchIn', 'alice-b', '10203040', null],
      ['unlink', 'alice-b', '10203040', null],
    ]);
    const [switchIn] = (await audit.latest(B, 20)).filter((e) => e.action === 'switchIn');
    assert.deepEqual(switchIn.details, { from: A });
    assert.equal(switchIn.at, '2026-02-05T09:00:00.000Z');
  });

  it('records removal by an admin with the admin as actor and the person as target', async () => {
    const { audit, service } = setup();
    await service.link('555666', { mpnId: A, tenantId: 'ta', userId: 'bob', proof: 'email' });
    await service.removeFromOrg('555666', A, 'admin-a');
    assert.deepEqual(await brief(audit, A), [
      ['link', 'bob', '555666', null],
      ['removedByAdmin', 'admin-a', '555666', 'bob'],
    ]);
  });

  it('records a takeover by sign-in in the same org', async () => {
    const { audit, service } = setup();
    await service.link('777888', { mpnId: A, tenantId: 'ta', userId: 'old', proof: 'email' });
    await service.link('777888', { mpnId: A, tenantId: 'ta', userId: 'new', proof: 'signin' });
    assert.deepEqual((await brief(audit, A))[1], ['takeover', 'new', '777888', 'old']);
  });

  it('records nothing for a refused or no-op attempt', async () => {
    const { audit, service } = setup();
    await service.link('999000', { mpnId: A, tenantId: 'ta', userId: 'c', proof: 'email' });
    await service.link('999000', { mpnId: A, tenantId: 'ta', userId: 'c', proof: 'email' });
    await service.link('999000', { mpnId: B, tenantId: 'tb', userId: 'c', proof: 'email' });
    assert.equal((await audit.latest(A, 20)).length, 1);
    assert.equal((await audit.latest(B, 20)).length, 0);
  });
});
