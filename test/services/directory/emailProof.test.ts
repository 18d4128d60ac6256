import { strict as assert } from 'node:assert';
import { domainOf, orgListsDomainOf, provenAddresses } from '../../../services/directory/emailProof';
import { Organization } from '../../../services/directory/types';

const fabrikam: Organization = { mpnId: '7654321', name: 'Fabrikam', tenantIds: ['t-fabrikam'], globalAdmins: [], domains: ['fabrikam.com'] };
const noDomains: Organization = { ...fabrikam, domains: undefined };

describe('when a Teams email proves a profile (services/directory/emailProof)', () => {
  it('takes the email equal to the sign-in name, or in a listed domain, and the sign-in name itself', () => {
    assert.deepEqual(provenAddresses({ email: 'Hugo.Bernard@fabrikam.com', upn: 'hugo.bernard@fabrikam.com' }, noDomains), { proven: ['Hugo.Bernard@fabrikam.com'], unproven: null });
    assert.deepEqual(provenAddresses({ email: 'karen@fabrikam.com', upn: 'karen@fabrikam.onmicrosoft.com' }, fabrikam), { proven: ['karen@fabrikam.com', 'karen@fabrikam.onmicrosoft.com'], unproven: null });
    assert.deepEqual(provenAddresses({ email: null, upn: 'karen@fabrikam.com' }, noDomains), { proven: ['karen@fabrikam.com'], unproven: null });
  });

  it('takes nothing from an email that is neither: a Fabrikam account reading alice@contoso.com proves only its own sign-in name', () => {
    assert.deepEqual(provenAddresses({ email: 'alice@contoso.com', upn: 'mallory@fabrikam.com' }, fabrikam), { proven: ['mallory@fabrikam.com'], unproven: 'alice@contoso.com' });
    assert.deepEqual(provenAddresses({ email: 'karen@fabrikam.com', upn: 'karen@fabrikam.onmicrosoft.com' }, noDomains), { proven: ['karen@fabrikam.onmicrosoft.com'], unproven: 'karen@fabrikam.com' });
    // A subdomain is not the domain, nor is a domain that merely ends like it.
    assert.equal(orgListsDomainOf(fabrikam, 'x@eu.fabrikam.com'), false);
    assert.equal(orgListsDomainOf(fabrikam, 'x@notfabrikam.com'), false);
    assert.equal(orgListsDomainOf(fabrikam, 'x@FABRIKAM.com'), true);
  });

  it("never takes a guest's #EXT# sign-in name", () => {
    assert.deepEqual(provenAddresses({ email: 'hugo@contoso.com', upn: 'hugo_contoso.com#EXT#@fabrikam.onmicrosoft.com' }, noDomains), { proven: [], unproven: 'hugo@contoso.com' });
  });

  it('reads the domain after the last @', () => {
    assert.equal(domainOf('"a@b"@Contoso.com'), 'contoso.com');
    assert.equal(domainOf('nobody'), null);
    assert.equal(domainOf('trailing@'), null);
  });
});
