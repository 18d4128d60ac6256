import { strict as assert } from 'node:assert';
import { pseudonymizedEntry } from '../../../services/privacy/erasureService';
import { exportedAuditEntry } from '../../../services/privacy/personalDataExport';
import { isPseudonym, Pseudonymizer } from '../../../services/privacy/pseudonymizer';

describe('privacy: keyed pseudonyms', () => {
  const p = new Pseudonymizer('secret-one-long-enough-for-hmac');

  it('is stable for a value, differs by kind and by secret, and shows no trace of the value', () => {
    assert.equal(p.mcid('10203040'), p.mcid('10203040'));
    assert.notEqual(p.mcid('10203040'), p.mcid('10203041'));
    assert.notEqual(p.mcid('10203040'), p.user('10203040'));
    assert.notEqual(p.mcid('10203040'), new Pseudonymizer('secret-two-long-enough-for-hmac').mcid('10203040'));
    assert.ok(isPseudonym(p.mcid('10203040')));
    assert.ok(!p.mcid('10203040').includes('10203040'));
    assert.throws(() => new Pseudonymizer('short'));
  });

  it('pseudonymizes the person’s ids in an audit entry and leaves others’ alone', () => {
    const hashes = { user: p.user('u-alice'), mcid: p.mcid('111') };
    const removal = { at: 'x', mpnId: '1', action: 'removedByAdmin' as const, actorUserId: 'u-admin', targetUserId: 'u-alice', mcid: '111' };
    assert.deepEqual(pseudonymizedEntry(removal, { userId: 'u-alice', mcid: '111' }, hashes), { ...removal, targetUserId: hashes.user, mcid: hashes.mcid });
    assert.equal(pseudonymizedEntry({ ...removal, targetUserId: 'u-bob', mcid: '222' }, { userId: 'u-alice', mcid: '111' }, hashes), null);
  });

  it('shows the person an entry with other people as roles, never their ids', () => {
    const shown = exportedAuditEntry({ at: 'x', mpnId: '1', action: 'removedByAdmin', actorUserId: 'u-admin', targetUserId: 'u-alice', mcid: '111' }, 'u-alice', 'Contoso');
    assert.deepEqual(shown, { at: 'x', org: { mpnId: '1', name: 'Contoso' }, action: 'removedByAdmin', by: 'anAdministrator', about: 'you', mcid: '111' });
    assert.ok(!JSON.stringify(shown).includes('u-admin'));
  });
});
