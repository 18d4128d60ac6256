import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { EMPTY_REPORT_MESSAGE } from '../../../services/report/reportColumns';
import { AZ104, AZ400, collect, contoso, fabrikam, world } from './fixtures';

describe('ReportService', () => {
  it('counts the certifications of the profile the link was given, without reading it again; a profile for another MCID is refused', async () => {
    const w = world('2026-03-01T09:00:00Z');
    const reads = sinon.spy(w.profileStore, 'get');
    const alice = (await w.profileStore.get('10203040'))!;
    reads.resetHistory();
    const asAlice = { mpnId: contoso.mpnId, tenantId: contoso.tenantIds[0], userId: 'alice', proof: 'email' as const };
    await assert.rejects(w.service.link('10203040', asAlice, { profile: { ...alice, mcid: '999' } }), /another MCID/);
    await w.service.link('10203040', asAlice, { profile: alice });
    assert.equal(reads.callCount, 0, 'the report listener used the profile it was given');
    const s = await w.reports.summary(contoso.mpnId, w.clock.now());
    // Both certifications were counted; AZ-400, expired in 2025, is not held.
    assert.deepEqual(
      s.byTitle.map((t) => t.title),
      [AZ104],
    );
    assert.equal(s.expired, 1);
    // Without one, the listener reads it.
    await w.link('10204151', contoso, 'benoit');
    assert.ok(reads.calledWith('10204151'));
  });

  it('summarises linked people, pending credit, titles and expiring certifications from counters', async () => {
    const w = world('2026-01-10T09:00:00Z');
    await w.link('10203040', contoso, 'alice');
    w.clock.set('2026-03-01T09:00:00Z');
    await w.link('10204151', contoso, 'benoit');
    await w.link('10205262', contoso, 'chloe');
    await w.link('10206373', fabrikam, 'evil');

    const s = await w.reports.summary(contoso.mpnId, w.clock.now());
    assert.equal(s.linked, 3);
    assert.equal(s.pendingCredit, 2, 'Benoît and Chloé linked today, Alice 50 days ago');
    assert.deepEqual(s.byTitle, [{ title: AZ104, count: 2 }], 'AZ-400 of Alice expired in 2025: not held');
    assert.equal(s.expired, 1);
    assert.deepEqual(s.expiringSoon, [{ title: AZ104, count: 1 }], 'Alice AZ-104 expires 2 April; AZ-400 already expired');
    assert.equal(s.expiringSoonTotal, 1);
    assert.equal(s.empty, false);

    // Ten days on, credit is no longer pending for the two linked today.
    assert.equal((await w.reports.summary(contoso.mpnId, new Date('2026-03-11T09:00:00Z'))).pendingCredit, 0);
  });

  it('is empty with nobody linked, and the R10 text is word for word', async () => {
    const w = world();
    const s = await w.reports.summary(contoso.mpnId, w.clock.now());
    assert.equal(s.empty, true);
    assert.equal(s.linked, 0);
    assert.equal(EMPTY_REPORT_MESSAGE.fr, "Aucun utilisateur n'a été trouvé avec des données de qualifications. Vérifiez si les utilisateurs ont associé leurs comptes Learning ou Université partenaire à leurs profils.");
    assert.equal(EMPTY_REPORT_MESSAGE.en, 'No users found with skills data. Check to see whether users have associated their Learning or Partner University accounts with their profiles.');
  });

  it('yields one row per certification, one row for someone with none, columns filled', async () => {
    const w = world();
    await w.link('10203040', contoso, 'alice');
    await w.link('10204151', contoso, 'benoit');
    await w.link('10205262', contoso, 'chloe');
    const rows = await collect(w.reports.rows(contoso.mpnId, w.clock.now()));
    assert.equal(rows.length, 4);
    const benoit = rows.find((r) => r.MCPID === '10204151');
    assert.deepEqual(benoit, {
      MCPID: '10204151',
      IndividualFirstName: 'Benoît',
      IndividualLastName: 'Lefèvre',
      Email: 'benoit@contoso.com',
      CorpEmail: 'b.lefevre@contoso.fr',
      TrainingTitle: AZ104,
      TrainingType: 'certification',
      TrainingCompletionDate: '2025-10-02',
      ExpirationDate: '2026-10-02',
      ActivationStatus: 'Active',
      MpnId: contoso.mpnId,
      PartnerName: 'Contoso',
      AssociationStartDate: '2026-03-01',
    });
    const chloe = rows.filter((r) => r.MCPID === '10205262');
    assert.equal(chloe.length, 1);
    assert.equal(chloe[0].TrainingTitle, '');
    assert.equal(rows.find((r) => r.TrainingTitle === AZ400)?.ActivationStatus, 'Expired');
  });

  it('never shows another org: rows and summary are per org', async () => {
    const w = world();
    await w.link('10203040', contoso, 'alice');
    await w.link('10206373', fabrikam, 'evil');
    const rows = await collect(w.reports.rows(fabrikam.mpnId, w.clock.now()));
    assert.deepEqual(
      rows.map((r) => r.MCPID),
      ['10206373'],
    );
    assert.equal((await w.reports.summary(fabrikam.mpnId, w.clock.now())).linked, 1);
  });

  it('skips stale org index entries by checking each record', async () => {
    const w = world();
    await w.link('10203040', contoso, 'alice');
    // A crash after the record moved but before the index caught up: the record says Fabrikam, the index still lists it in Contoso.
    const record = (await w.associations.getRecord('10203040'))!;
    const moved = { ...record, version: record.version + 1, link: { ...record.link!, mpnId: fabrikam.mpnId } };
    (w.associations as unknown as { records: Map<string, string> }).records.set('10203040', JSON.stringify(moved));
    assert.deepEqual(await collect(w.reports.rows(contoso.mpnId, w.clock.now())), []);
  });

  it('after an admin removal the person leaves the next summary and rows, and the audit keeps their history', async () => {
    const w = world();
    await w.link('10203040', contoso, 'alice');
    await w.link('10204151', contoso, 'benoit');
    const out = await w.service.removeFromOrg('10203040', contoso.mpnId, 'ga-contoso');
    assert.equal(out.kind, 'unlinked');

    const s = await w.reports.summary(contoso.mpnId, w.clock.now());
    assert.equal(s.linked, 1);
    assert.deepEqual(s.byTitle, [{ title: AZ104, count: 1 }]);
    const rows = await collect(w.reports.rows(contoso.mpnId, w.clock.now()));
    assert.deepEqual([...new Set(rows.map((r) => r.MCPID))], ['10204151']);

    const history = (await collect(w.audit.stream(contoso.mpnId))).filter((e) => e.mcid === '10203040');
    assert.deepEqual(
      history.map((e) => [e.action, e.actorUserId, e.targetUserId ?? null]),
      [
        ['link', 'alice', null],
        ['removedByAdmin', 'ga-contoso', 'alice'],
      ],
    );
  });

  it('a switch moves the person and their counts from A to B', async () => {
    const w = world();
    await w.link('10203040', contoso, 'alice');
    w.clock.advanceDays(30);
    await w.link('10203040', fabrikam, 'alice-f');
    assert.equal((await w.reports.summary(contoso.mpnId, w.clock.now())).linked, 0);
    const b = await w.reports.summary(fabrikam.mpnId, w.clock.now());
    assert.equal(b.linked, 1);
    assert.deepEqual(b.byTitle, [{ title: AZ104, count: 1 }]);
    assert.equal(b.expired, 1, 'AZ-400, expired, moved with her');
  });

  it('rebuilds the counters from the records and the profiles', async () => {
    const w = world();
    await w.link('10203040', contoso, 'alice');
    await w.link('10204151', contoso, 'benoit');
    const before = await w.reports.summary(contoso.mpnId, w.clock.now());
    await w.index.clear(contoso.mpnId);
    await w.index.add(contoso.mpnId, '99999999', { since: 0, certifications: [{ title: 'Ghost' }] });
    assert.equal(await w.reports.rebuildIndex(contoso.mpnId), 2);
    assert.deepEqual(await w.reports.summary(contoso.mpnId, w.clock.now()), before);
  });
});
