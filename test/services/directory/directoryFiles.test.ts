import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrgsFile, loadProfilesFile, parseOrgs, parseProfiles } from '../../../services/directory/directoryFiles';

const org = (over: Record<string, unknown> = {}) => ({ mpnId: '1234567', name: 'Contoso', tenantIds: ['tenant-a'], globalAdmins: ['aad-admin'], ...over });
const cert = (over: Record<string, unknown> = {}) => ({ number: 'AZ-104', title: 'Microsoft Certified: Azure Administrator Associate', type: 'certification', earnedOn: '2026-04-02', expiresOn: '2027-04-02', ...over });
const profile = (over: Record<string, unknown> = {}) => ({ mcid: '10203040', firstName: 'Alice', lastName: 'Martin', emails: ['alice@contoso.com'], certifications: [cert()], ...over });

describe('ORGS_FILE and PROFILES_FILE checks (services/directory/directoryFiles)', () => {
  it('reads the samples that ship', () => {
    const root = path.resolve(__dirname, '..', '..', '..', '..');
    assert.equal(loadOrgsFile(path.join(root, 'data/orgs.sample.json')).length, 2);
    assert.equal(loadProfilesFile(path.join(root, 'data/profiles.sample.json')).length, 20);
  });

  it('reads a well-formed organization and profile as given', () => {
    assert.deepEqual(parseOrgs({ orgs: [org()] }), [org()]);
    assert.deepEqual(parseProfiles({ profiles: [profile()] }), [profile()]);
  });

  it('says which file and which entry is wrong', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => parseOrgs({}, 'orgs.json'), /Error: orgs\.json: expected \{"orgs": \[\.\.\.\]\}/],
      [() => parseOrgs({ orgs: [org({ mpnId: 'abc' })] }), /orgs\[0\]\.mpnId must be a string of digits/],
      [() => parseOrgs({ orgs: [org({ tenantIds: [] })] }), /orgs\[0\]\.tenantIds must list at least one tenant id/],
      [() => parseProfiles({ profiles: [profile({ mcid: 10203040 })] }, 'p.json'), /Error: p\.json: profiles\[0\]\.mcid must be a string of digits/],
      [() => parseProfiles({ profiles: [profile({ certifications: [cert({ type: 'course' })] })] }), /certifications\[0\]\.type must be certification or exam/],
    ];
    for (const [parse, message] of cases) assert.throws(parse, message);
  });

  it('refuses a certification date that is not a real YYYY-MM-DD day, which cards and the report could not show', () => {
    for (const earnedOn of ['yesterday', '2026-02-30', '04/02/2026', '2026-4-2']) {
      assert.throws(() => parseProfiles({ profiles: [profile({ certifications: [cert({ earnedOn })] })] }), /profiles\[0\]\.certifications\[0\]\.earnedOn must be a date as YYYY-MM-DD/, earnedOn);
    }
    assert.throws(() => parseProfiles({ profiles: [profile({ certifications: [cert({ expiresOn: 20270402 })] })] }), /expiresOn must be a date as YYYY-MM-DD/);
    // No expiry is fine: exams do not expire.
    assert.doesNotThrow(() => parseProfiles({ profiles: [profile({ certifications: [cert({ expiresOn: undefined })] })] }));
  });

  it('refuses a tenant in two organizations, or an organization listed twice', () => {
    assert.throws(
      () => parseOrgs({ orgs: [org(), org({ mpnId: '7654321', name: 'Fabrikam', tenantIds: ['other', 'TENANT-A'] })] }),
      /orgs\[1\]\.tenantIds \(TENANT-A\) belongs to two organizations \(also at orgs\[0\]\.tenantIds \(tenant-a\)\)/,
    );
    assert.throws(() => parseOrgs({ orgs: [org(), org({ tenantIds: ['tenant-b'] })] }), /orgs\[1\]\.mpnId is listed twice/);
  });

  it('reads the email domains an organization vouches for, in lower case, and refuses a malformed one or one listed by two organizations', () => {
    assert.deepEqual(parseOrgs({ orgs: [org({ domains: ['Contoso.COM', 'eu.contoso.com'] })] })[0].domains, ['contoso.com', 'eu.contoso.com']);
    for (const bad of ['@contoso.com', '*.contoso.com', 'alice@contoso.com', 'contoso', '', 'contoso..com']) {
      assert.throws(() => parseOrgs({ orgs: [org({ domains: [bad] })] }), /orgs\[0\]\.domains\[0\] must be an email domain such as "contoso\.com"/, bad);
    }
    assert.throws(() => parseOrgs({ orgs: [org({ domains: 'contoso.com' })] }), /orgs\[0\]\.domains must be an array/);
    // Listed by two, either organization's accounts could claim the other's people's profiles.
    assert.throws(
      () => parseOrgs({ orgs: [org({ domains: ['contoso.com'] }), org({ mpnId: '7654321', name: 'Fabrikam', tenantIds: ['tenant-b'], domains: ['fabrikam.com', 'CONTOSO.com'] })] }),
      /orgs\[1\]\.domains\[1\] \(contoso\.com\) is listed by two organizations \(also at orgs\[0\]\.domains\[0\]/,
    );
  });

  it('refuses an email on two profiles (the shortcut must lead to one) or an MCID listed twice, naming no address', () => {
    const twice = () => parseProfiles({ profiles: [profile(), profile({ mcid: '10204151', emails: ['bob@contoso.com', 'Alice@Contoso.com'] })] });
    assert.throws(twice, /profiles\[1\]\.emails\[1\] is on two profiles \(also at profiles\[0\]\.emails\[0\]\)/);
    assert.throws(twice, (err: Error) => !/alice/i.test(err.message));
    assert.throws(() => parseProfiles({ profiles: [profile(), profile({ emails: ['bob@contoso.com'] })] }), /profiles\[1\]\.mcid is listed twice/);
  });

  it('says when a file is missing, apart from when it is not JSON', () => {
    assert.throws(() => loadProfilesFile('/nonexistent/profiles.json'), /Error: \/nonexistent\/profiles\.json: cannot be read \(ENOENT\); check the path/);
  });

  it('says when a file is not JSON', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'certlink-dir-')), 'orgs.json');
    writeFileSync(file, '{"orgs": [');
    assert.throws(() => loadOrgsFile(file), new RegExp(`Error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be read as JSON`));
  });
});
