import { strict as assert } from 'node:assert';
import { AdminActions } from '../../../services/admin/adminActions';
import { DownloadLinkSigner } from '../../../services/report/signedLink';
import { collect, contoso, fabrikam, world } from '../report/fixtures';

async function setup() {
  const w = world();
  const signer = new DownloadLinkSigner({ secret: 'admin-actions-test-secret', publicBaseUrl: 'https://bot.example', clock: w.clock });
  const admin = new AdminActions({
    roles: w.roles,
    reports: w.reports,
    audit: w.audit,
    association: w.service,
    associations: w.associations,
    profiles: w.profileStore,
    signer,
    clock: w.clock,
  });
  await w.link('10203040', contoso, 'alice');
  await w.link('10204151', contoso, 'benoit');
  await w.link('10206373', fabrikam, 'evil');
  return { w, admin, signer };
}

const refusedNotAdmin = { kind: 'refused', reason: 'notAdmin' };

describe('AdminActions (R7)', () => {
  it('refuses a non-admin everything, with no data', async () => {
    const { admin } = await setup();
    assert.deepEqual(await admin.reportSummary(contoso, 'alice'), refusedNotAdmin);
    assert.deepEqual(await admin.reportRows(contoso, 'alice'), refusedNotAdmin);
    assert.deepEqual(await admin.reportPeople(contoso, 'alice'), refusedNotAdmin);
    assert.deepEqual(await admin.auditLog(contoso, 'alice'), refusedNotAdmin);
    assert.deepEqual(await admin.listAdmins(contoso, 'alice'), refusedNotAdmin);
    assert.deepEqual(await admin.findMember(contoso, 'alice', { mcid: '10204151' }), refusedNotAdmin);
    assert.deepEqual(await admin.removeFromReport(contoso, 'alice', { mcid: '10204151', mpnId: contoso.mpnId }), refusedNotAdmin);
  });

  it('refuses an admin of Contoso anything of Fabrikam, even with a forged card action', async () => {
    const { w, admin } = await setup();
    assert.deepEqual(await admin.reportSummary(fabrikam, 'ga-contoso'), refusedNotAdmin);
    assert.deepEqual(await admin.reportRows(fabrikam, 'ga-contoso'), refusedNotAdmin);
    assert.deepEqual(await admin.reportPeople(fabrikam, 'ga-contoso'), refusedNotAdmin);
    assert.deepEqual(await admin.auditLog(fabrikam, 'ga-contoso'), refusedNotAdmin);
    // The card data names Fabrikam while the admin's own org is Contoso.
    assert.deepEqual(await admin.removeFromReport(contoso, 'ga-contoso', { mcid: '10206373', mpnId: fabrikam.mpnId }), { kind: 'refused', reason: 'otherOrg' });
    // Naming Fabrikam's member under their own org does nothing either.
    assert.deepEqual(await admin.removeFromReport(contoso, 'ga-contoso', { mcid: '10206373', mpnId: contoso.mpnId }), { kind: 'notLinked' });
    assert.deepEqual(await admin.findMember(contoso, 'ga-contoso', { mcid: '10206373' }), { kind: 'notFound' });
    assert.deepEqual(await admin.findMember(contoso, 'ga-contoso', { email: 'evil@fabrikam.com' }), { kind: 'notFound' });
    assert.deepEqual(await admin.findMember(contoso, 'ga-contoso', { tenantId: 't-fabrikam', userId: 'evil' }), { kind: 'notFound' });
    assert.equal((await w.service.status('10206373')).record.link?.mpnId, fabrikam.mpnId);
  });

  it('gives an admin the summary, and signed CSV and Excel links made for them, for their own org only', async () => {
    const { admin, signer } = await setup();
    const out = await admin.reportSummary(contoso, 'ga-contoso');
    assert.equal(out.kind, 'ok');
    if (out.kind !== 'ok') return;
    assert.equal(out.summary.linked, 2);
    const links = await admin.downloadLinks(contoso, 'ga-contoso', 'report');
    assert.equal(links.kind, 'ok');
    if (links.kind !== 'ok') return;
    for (const [fmt, link] of Object.entries(links.links)) {
      const q = new URL(link.url).searchParams;
      assert.equal(q.get('fmt'), fmt);
      assert.equal(q.get('org'), contoso.mpnId);
      assert.equal(q.get('by'), 'ga-contoso');
      const get = (k: string) => q.get(k) ?? '';
      assert.equal(signer.verify({ kind: 'report', org: get('org'), by: get('by'), exp: get('exp'), n: get('n'), sig: get('sig') }), 'ok');
    }
    assert.deepEqual(await admin.downloadLinks(fabrikam, 'ga-contoso', 'report'), refusedNotAdmin);
    assert.deepEqual(await admin.downloadLinks(contoso, 'alice', 'audit'), refusedNotAdmin);
  });

  it('a partner admin can use the report once granted, and not after being revoked', async () => {
    const { admin } = await setup();
    assert.deepEqual(await admin.grantPartnerAdmin(contoso, 'ga-contoso', 'pa-1'), { kind: 'granted' });
    assert.equal((await admin.reportSummary(contoso, 'pa-1')).kind, 'ok');
    assert.deepEqual(await admin.grantPartnerAdmin(contoso, 'pa-1', 'pa-2'), { kind: 'refused', reason: 'notGlobalAdmin' });
    const list = await admin.listAdmins(contoso, 'pa-1');
    assert.deepEqual(list, { kind: 'ok', admins: { globalAdmins: ['ga-contoso'], partnerAdmins: ['pa-1'] } });
    assert.deepEqual(await admin.revokePartnerAdmin(contoso, 'ga-contoso', 'pa-1'), { kind: 'revoked' });
    assert.deepEqual(await admin.reportSummary(contoso, 'pa-1'), refusedNotAdmin);
  });

  it('finds a member by email, MCID or mention, then removes them: gone from the report, kept in the audit', async () => {
    const { w, admin } = await setup();
    const byEmail = await admin.findMember(contoso, 'ga-contoso', { email: 'Alice@Contoso.com' });
    assert.deepEqual(byEmail, { kind: 'found', mcid: '10203040', firstName: 'Alice', lastName: 'Martin', linkedSince: '2026-03-01T09:00:00.000Z' });
    assert.equal(((await admin.findMember(contoso, 'ga-contoso', { tenantId: 'T-CONTOSO', userId: 'alice' })) as { mcid: string }).mcid, '10203040');

    const removed = await admin.removeFromReport(contoso, 'ga-contoso', { mcid: '10203040', mpnId: contoso.mpnId });
    assert.deepEqual(removed, { kind: 'removed', mcid: '10203040', userId: 'alice', tenantId: 't-contoso' });
    assert.deepEqual(await admin.removeFromReport(contoso, 'ga-contoso', { mcid: '10203040', mpnId: contoso.mpnId }), { kind: 'notLinked' });

    const summary = await admin.reportSummary(contoso, 'ga-contoso');
    assert.equal(summary.kind === 'ok' && summary.summary.linked, 1);
    const rows = await admin.reportRows(contoso, 'ga-contoso');
    assert.ok(rows.kind === 'ok');
    if (rows.kind === 'ok') assert.ok((await collect(rows.rows)).every((r) => r.MCPID !== '10203040'));
    const audit = await admin.auditLog(contoso, 'ga-contoso');
    assert.ok(audit.kind === 'ok');
    if (audit.kind === 'ok') {
      assert.deepEqual(
        audit.entries.filter((e) => e.mcid === '10203040').map((e) => e.action),
        ['removedByAdmin', 'link'],
      );
    }
    const record = (await w.service.status('10203040')).record;
    assert.equal(record.ended[record.ended.length - 1].reason, 'removedByAdmin');
  });
});
