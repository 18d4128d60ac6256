import { strict as assert } from 'node:assert';
import Redis from 'ioredis';
import { ManualClock } from '../../../services/clock';
import { Organization } from '../../../services/directory/types';
import { isStoreUnavailable } from '../../../services/errors';
import { MemoryAuditLog } from '../../../services/memory/memoryAuditLog';
import { MemoryPartnerAdminStore } from '../../../services/memory/memoryPartnerAdminStore';
import { RedisPartnerAdminStore } from '../../../services/redis/redisPartnerAdminStore';
import { RoleService } from '../../../services/roles/roleService';

const contoso: Organization = { mpnId: '1234567', name: 'Contoso', tenantIds: ['t-contoso'], globalAdmins: ['ga-contoso'] };
const fabrikam: Organization = { mpnId: '7654321', name: 'Fabrikam', tenantIds: ['t-fabrikam'], globalAdmins: ['ga-fabrikam'] };

function setup() {
  const audit = new MemoryAuditLog();
  const roles = new RoleService({ partnerAdmins: new MemoryPartnerAdminStore(), audit, clock: new ManualClock('2026-03-01T10:00:00Z') });
  return { audit, roles };
}

describe('RoleService', () => {
  it('knows global admins from the org and nobody else', async () => {
    const { roles } = setup();
    assert.equal(await roles.roleOf(contoso, 'ga-contoso'), 'globalAdmin');
    assert.equal(await roles.isAdmin(contoso, 'someone'), false);
    assert.equal(await roles.roleOf(contoso, ''), null);
  });

  it('grants a partner admin, then revokes, auditing both', async () => {
    const { roles, audit } = setup();
    assert.deepEqual(await roles.grantPartnerAdmin(contoso, 'ga-contoso', 'alice'), { kind: 'granted' });
    assert.equal(await roles.roleOf(contoso, 'alice'), 'partnerAdmin');
    assert.deepEqual(await roles.listAdmins(contoso), { globalAdmins: ['ga-contoso'], partnerAdmins: ['alice'] });
    assert.deepEqual(await roles.grantPartnerAdmin(contoso, 'ga-contoso', 'alice'), { kind: 'alreadyPartnerAdmin' });

    assert.deepEqual(await roles.revokePartnerAdmin(contoso, 'ga-contoso', 'alice'), { kind: 'revoked' });
    assert.equal(await roles.isAdmin(contoso, 'alice'), false);
    assert.deepEqual(await roles.revokePartnerAdmin(contoso, 'ga-contoso', 'alice'), { kind: 'notPartnerAdmin' });

    const entries = await audit.latest(contoso.mpnId, 20);
    assert.deepEqual(
      entries.map((e) => [e.action, e.actorUserId, e.targetUserId]),
      [
        ['revokePartnerAdmin', 'ga-contoso', 'alice'],
        ['grantPartnerAdmin', 'ga-contoso', 'alice'],
      ],
    );
  });

  it('refuses role changes by a partner admin or a non-admin', async () => {
    const { roles, audit } = setup();
    await roles.grantPartnerAdmin(contoso, 'ga-contoso', 'alice');
    assert.deepEqual(await roles.grantPartnerAdmin(contoso, 'alice', 'bob'), { kind: 'refused', reason: 'notGlobalAdmin' });
    assert.deepEqual(await roles.grantPartnerAdmin(contoso, 'mallory', 'mallory'), { kind: 'refused', reason: 'notGlobalAdmin' });
    assert.deepEqual(await roles.revokePartnerAdmin(contoso, 'mallory', 'alice'), { kind: 'refused', reason: 'notGlobalAdmin' });
    assert.equal(await roles.isAdmin(contoso, 'bob'), false);
    assert.equal(await roles.isAdmin(contoso, 'alice'), true);
    assert.equal((await audit.latest(contoso.mpnId, 20)).length, 1);
  });

  it('keeps orgs apart: a global admin of one org grants nothing in another', async () => {
    const { roles } = setup();
    assert.deepEqual(await roles.grantPartnerAdmin(fabrikam, 'ga-contoso', 'alice'), { kind: 'refused', reason: 'notGlobalAdmin' });
    await roles.grantPartnerAdmin(contoso, 'ga-contoso', 'alice');
    assert.equal(await roles.isAdmin(fabrikam, 'alice'), false);
    assert.equal(await roles.isAdmin(fabrikam, 'ga-contoso'), false);
  });

  it('will not revoke a global admin from chat', async () => {
    const { roles } = setup();
    assert.deepEqual(await roles.revokePartnerAdmin(contoso, 'ga-contoso', 'ga-contoso'), { kind: 'isGlobalAdmin' });
    assert.deepEqual(await roles.grantPartnerAdmin(contoso, 'ga-contoso', 'ga-contoso'), { kind: 'alreadyGlobalAdmin' });
  });

  it('turns an unreachable Redis into StoreUnavailableError', async () => {
    const dead = new Redis(1, '127.0.0.1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    dead.on('error', () => undefined);
    const store = new RedisPartnerAdminStore(dead, 'test:dead:');
    await assert.rejects(store.has('1234567', 'x'), (err: unknown) => isStoreUnavailable(err));
    dead.disconnect();
  });
});
