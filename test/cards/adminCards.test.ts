import { strict as assert } from 'node:assert';
import { adminListCard, adminRefusalCard, auditLogCard, confirmRemovalCard, removalResultCard, reportSummaryCard } from '../../cards/adminCards';
import { ReportSummary } from '../../services/report/reportService';

/** Every string a person would read on the card, in order. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return ['text', 'title', 'value', 'facts', 'body', 'items', 'actions', 'columns'].flatMap((k) => (k in o ? texts(o[k]) : []));
  }
  return [];
}

function actions(card: { content: Record<string, unknown> }): Record<string, unknown>[] {
  return (card.content.actions as Record<string, unknown>[] | undefined) ?? [];
}

const summary: ReportSummary = {
  mpnId: '1234567',
  linked: 1234,
  pendingCredit: 12,
  byTitle: [
    { title: 'Microsoft Certified: Azure Administrator Associate', count: 800 },
    { title: '${heading} Évaluation', count: 3 },
  ],
  expiringSoon: [{ title: 'Microsoft Certified: Azure Administrator Associate', count: 40 }],
  expiringSoonTotal: 40,
  expired: 0,
  empty: false,
};
const at = new Date('2026-03-01T09:00:00Z');
const links = { downloads: { kind: 'links' as const, csvUrl: 'https://bot.example/download/report?fmt=csv&sig=a', xlsxUrl: 'https://bot.example/download/report?fmt=xlsx&sig=b' } };

describe('admin cards', () => {
  it('report card in English: counts, pending credit, titles most held first, expiring, two download buttons', () => {
    const card = reportSummaryCard({ orgName: 'Contoso', summary, at, ...links, locale: 'en' });
    const all = texts(card.content).join('\n');
    assert.match(all, /Skills report — Contoso/);
    assert.match(all, /As of 1 March 2026 \(UTC\)/);
    assert.match(all, /Linked people\n1,234/);
    assert.match(all, /Credit may still be pending\n12/);
    assert.match(all, /Microsoft Certified: Azure Administrator Associate\n800\n\$\{heading\} Évaluation\n3/, 'user text stays text');
    assert.match(all, /Expiring in the next 90 days \(40\)/);
    assert.deepEqual(
      actions(card).map((a) => [a.type, a.title, a.url]),
      [
        ['Action.OpenUrl', 'Download CSV', links.downloads.csvUrl],
        ['Action.OpenUrl', 'Download Excel', links.downloads.xlsxUrl],
      ],
    );
    assert.ok(!all.includes('No users found'));
    assert.ok(!all.includes('Expired certifications'), 'nothing expired: no note');
  });

  it('report card says how many expired certifications it left out, in both languages', () => {
    const en = texts(reportSummaryCard({ orgName: 'Contoso', summary: { ...summary, expired: 1500 }, at, ...links, locale: 'en' }).content).join('\n');
    assert.match(en, /Expired certifications are not counted above \(1,500\); the download lists them with their dates\./);
    const fr = texts(reportSummaryCard({ orgName: 'Contoso', summary: { ...summary, expired: 3 }, at, ...links, locale: 'fr' }).content).join('\n');
    assert.match(fr, /Les certifications expirées ne sont pas comptées ci-dessus \(3\)/);
  });

  it('report card in French', () => {
    const card = reportSummaryCard({ orgName: 'Contoso', summary, at, ...links, locale: 'fr' });
    const all = texts(card.content).join('\n');
    assert.match(all, /Rapport des compétences — Contoso/);
    assert.match(all, /Au 1er mars 2026 \(UTC\)/);
    assert.match(all, /Personnes associées\n1\s234/);
    assert.match(all, /Crédit peut-être encore en attente\n12/);
    assert.match(all, /Expirent dans les 90 prochains jours \(40\)/);
    assert.deepEqual(
      actions(card).map((a) => a.title),
      ['Télécharger en CSV', 'Télécharger en Excel'],
    );
  });

  it('empty report card gives the R10 message in both languages and no download', () => {
    const empty = { ...summary, linked: 0, pendingCredit: 0, byTitle: [], expiringSoon: [], expiringSoonTotal: 0, empty: true };
    const en = reportSummaryCard({ orgName: 'Contoso', summary: empty, at, ...links, locale: 'en' });
    assert.ok(texts(en.content).includes('No users found with skills data. Check to see whether users have associated their Learning or Partner University accounts with their profiles.'));
    assert.ok(!texts(en.content).join('\n').includes('Linked people'));
    assert.deepEqual(actions(en), []);
    const fr = reportSummaryCard({ orgName: 'Contoso', summary: empty, at, ...links, locale: 'fr' });
    assert.ok(texts(fr.content).includes("Aucun utilisateur n'a été trouvé avec des données de qualifications. Vérifiez si les utilisateurs ont associé leurs comptes Learning ou Université partenaire à leurs profils."));
  });

  it('a report or audit card for a channel or group chat carries no URL and says where the downloads are', () => {
    for (const [kind, said] of [
      ['sentToPersonalChat', /The CSV and Excel downloads are in your personal chat with CertLink/],
      ['askInPersonalChat', /say "skills report" in your personal chat with CertLink, or open the Skills report tab/],
    ] as const) {
      const card = reportSummaryCard({ orgName: 'Contoso', summary, at, downloads: { kind }, locale: 'en' });
      assert.deepEqual(actions(card), []);
      assert.doesNotMatch(JSON.stringify(card.content.body), /https?:|\/download\//);
      assert.match(texts(card.content).join('\n'), said);
    }
    const audit = auditLogCard({ orgName: 'Contoso', entries: [], downloads: { kind: 'askInPersonalChat' }, locale: 'fr' });
    assert.deepEqual(actions(audit), []);
    assert.match(texts(audit.content).join('\n'), /dites « journal d’audit » dans votre conversation personnelle/);
  });

  it('cuts long title lists and says how many more', () => {
    const many = { ...summary, byTitle: Array.from({ length: 11 }, (_, i) => ({ title: `T${i}`, count: 20 - i })) };
    const all = texts(reportSummaryCard({ orgName: 'C', summary: many, at, ...links, locale: 'en' }).content).join('\n');
    assert.match(all, /T7\n13/);
    assert.ok(!all.includes('T8'));
    assert.match(all, /And 3 more titles/);
  });

  it('confirmation card carries Action.Execute verbs with mcid, mpnId and cardId', () => {
    const card = confirmRemovalCard({ orgName: 'Contoso', mpnId: '1234567', mcid: '10203040', personName: 'Benoît Lefèvre', linkedSince: '2026-01-05T09:00:00Z', cardId: 'card-1', locale: 'en' });
    const data = { mcid: '10203040', mpnId: '1234567', cardId: 'card-1' };
    assert.deepEqual(
      actions(card).map((a) => [a.type, a.verb, a.data]),
      [
        ['Action.Execute', 'admin.remove.confirm', data],
        ['Action.Execute', 'admin.remove.cancel', data],
      ],
    );
    const all = texts(card.content).join('\n');
    assert.match(all, /Benoît Lefèvre/);
    assert.match(all, /5 January 2026 \(UTC\)/);
    assert.match(all, /removed by admin/);
  });

  it('removal result, admin list and audit cards read right', () => {
    const removed = texts(removalResultCard({ orgName: 'Contoso', result: { kind: 'removed', personName: 'Alice Martin', mcid: '10203040', notified: true }, locale: 'fr' }).content).join('\n');
    assert.match(removed, /Alice Martin \(MCID 10203040\) n’est plus associé\(e\) à Contoso/);
    assert.match(removed, /prévenue/);
    assert.match(texts(removalResultCard({ orgName: 'Contoso', result: { kind: 'cancelled' }, locale: 'en' }).content).join('\n'), /Nothing was changed/);

    const list = texts(adminListCard({ orgName: 'Contoso', admins: { globalAdmins: ['ga'], partnerAdmins: [] }, nameOf: (id) => (id === 'ga' ? 'Gisèle Admin' : undefined), locale: 'en' }).content).join('\n');
    assert.match(list, /Global admins\n• Gisèle Admin\nPartner admins\nNone\./);

    const audit = auditLogCard({
      orgName: 'Contoso',
      entries: [
        { at: '2026-03-01T09:05:00.000Z', mpnId: '1234567', actorUserId: 'ga', action: 'removedByAdmin', mcid: '10203040', targetUserId: 'alice' },
        { at: '2026-03-01T09:00:00.000Z', mpnId: '1234567', actorUserId: 'ga', action: 'downloadReport', details: { format: 'csv' } },
      ],
      ...links,
      locale: 'en',
    });
    const a = texts(audit.content).join('\n');
    assert.match(a, /ga removed MCID 10203040 \(alice\) from the report\.\n1 March 2026 09:05 UTC/);
    assert.match(a, /ga downloaded the skills report \(CSV\)\./);
    // A count, not "the last 1 entries": right for one entry as for many, in both languages.
    assert.match(a, /Entries shown: 2, newest first\. Times in UTC\./);
    const one = auditLogCard({ orgName: 'Contoso', entries: [{ at: '2026-03-01T09:00:00.000Z', mpnId: '1234567', actorUserId: 'ga', action: 'downloadReport', details: { format: 'csv' } }], ...links, locale: 'fr' });
    assert.match(texts(one.content).join('\n'), /Entrées affichées : 1, les plus récentes d’abord\. Heures en UTC\./);
    assert.deepEqual(
      actions(audit).map((x) => x.title),
      ['Download CSV', 'Download Excel'],
    );
  });

  it('the refusal is polite, says who can help, and names no data', () => {
    for (const locale of ['en', 'fr'] as const) {
      const card = adminRefusalCard({ locale });
      const all = texts(card.content).join('\n');
      assert.match(all, locale === 'en' ? /Ask one of your organization's global admins/ : /administrateurs généraux de votre organisation/);
      assert.ok(!/\d{4,}|@|Contoso/.test(all));
      assert.deepEqual(actions(card), []);
    }
    assert.match(texts(adminRefusalCard({ locale: 'en', about: 'roles' }).content).join('\n'), /Only a global admin/);
  });
});
