import { strict as assert } from 'node:assert';
import { OrgDirectory } from '../../../services/directory/orgDirectory';

describe('OrgDirectory', () => {
  const orgs = new OrgDirectory([{ mpnId: '1234567', name: 'Contoso', tenantIds: ['Tenant-A'], globalAdmins: [] }]);

  it('finds the org of a tenant whatever the case of its id', () => {
    assert.equal(orgs.forTenant('tenant-a')?.mpnId, '1234567');
    assert.equal(orgs.forTenant('tenant-b'), null);
  });

  it('names an org for a reply, or says its MPN id when it is no longer configured', () => {
    assert.equal(orgs.nameOf('1234567'), 'Contoso');
    assert.equal(orgs.nameOf('7654321'), '7654321');
  });
});
