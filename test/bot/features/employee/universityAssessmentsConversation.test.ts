import { strict as assert } from 'node:assert';
import { importPartnerCenterExport } from '../../../../services/report/partnerCenterImport';
import { button, makeHarness, people, textOf } from '../../../support/conversationHarness';

type Harness = Awaited<ReturnType<typeof makeHarness>>;

const CONTOSO = '1234567';
const ALICE_PU = 'alice.pu@partneruniversity.example';
const BOB_PU = 'bob.pu@partneruniversity.example';
const HEADER = 'MCPID,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingTitle,TrainingType,TrainingCompletionDate,ExpirationDate,ActivationStatus,MpnId,PartnerName';

/** Partner Center's export with the Partner University rows of two accounts, through the import the CLI runs. */
async function importAssessments(h: Harness): Promise<void> {
  const file = [
    HEADER,
    `,,,${ALICE_PU},,Azure Pre-Sales Assessment,Assessment,2025-11-20,,,${CONTOSO},Contoso`,
    `,,,${ALICE_PU},,Modern Work Sales Assessment,Assessment,2025-12-01,2026-12-01,,${CONTOSO},Contoso`,
    `,,,${BOB_PU},,Security Assessment,Assessment,2025-10-10,,,${CONTOSO},Contoso`,
  ].join('\r\n');
  const report = await importPartnerCenterExport(file, CONTOSO, h.stores.profiles, { assessments: h.services.universityAssessments });
  assert.ok(report.ok && report.accountsWritten === 2 && report.rejected.length === 0);
}

/** As a Partner University sign-in would link it (the sign-in has its own tests). */
const linkUniversity = (h: Harness, who: typeof people.alice, account: string) => h.services.university.link(who.tenantId, who.userId, account);

describe('"my certifications" lists the assessments of the linked Partner University account', () => {
  it('in English: nothing before the account is linked, its own section after, nothing once it is removed', async () => {
    const h = await makeHarness();
    await importAssessments(h);
    const before = textOf(await h.say(people.alice, 'my certifications'));
    assert.doesNotMatch(before, /Partner University|Assessment/, 'nobody linked the account: its assessments show nowhere');

    await linkUniversity(h, people.alice, ALICE_PU);
    const text = textOf(await h.say(people.alice, 'my certifications'));
    assert.match(text, /Your certifications/);
    assert.match(text, /Partner University assessments\nFrom your Partner University account alice\.pu@partneruniversity\.example:/);
    assert.match(text, /November 20, 2025.*\nAzure Pre-Sales Assessment/);
    assert.match(text, /December 1, 2025.*\nModern Work Sales Assessment, expires December 1, 2026/);
    assert.ok(text.indexOf('Microsoft Certified') < text.indexOf('Partner University assessments'), 'after the certifications of the profile');
    assert.doesNotMatch(text, /Security Assessment/, "Bob's account is not hers");

    assert.match(textOf(await h.say(people.alice, 'remove access')), /Partner University access removed/);
    assert.doesNotMatch(textOf(await h.say(people.alice, 'my certifications')), /Partner University|Assessment/);
  });

  it('in French, and for someone with no certification profile', async () => {
    const h = await makeHarness();
    await importAssessments(h);
    await linkUniversity(h, people.alice, ALICE_PU);
    const fr = textOf(await h.say(people.alice, 'mes certifications', { locale: 'fr-FR' }));
    assert.match(fr, /Évaluations de l’Université partenaire\nDe votre compte Université partenaire alice\.pu@partneruniversity\.example :/);
    assert.match(fr, /20 novembre 2025.*\nAzure Pre-Sales Assessment/);
    assert.match(fr, /Modern Work Sales Assessment, expire le 1er décembre 2026/);

    await linkUniversity(h, people.bob, BOB_PU);
    const bob = textOf(await h.say(people.bob, 'mes certifications', { locale: 'fr-FR' }));
    assert.match(bob, /Security Assessment/);
    const en = textOf(await h.say(people.bob, 'my certifications'));
    assert.match(en, /You have no linked certification, and I found no certification profile for your work email\./);
    assert.match(en, /Partner University assessments\nFrom your Partner University account bob\.pu@partneruniversity\.example:\nOctober 10, 2025.*\nSecurity Assessment/);
  });

  it('"delete my data" erases the linked account\'s assessments with the link', async () => {
    const h = await makeHarness();
    await importAssessments(h);
    await linkUniversity(h, people.alice, ALICE_PU);
    await h.click(people.alice, button(await h.say(people.alice, 'delete my data'), 'privacy.erase.confirm'));
    assert.deepEqual(await h.services.universityAssessments.get(ALICE_PU), []);
    assert.equal((await h.services.universityAssessments.get(BOB_PU)).length, 1, "another account's stay");
  });

  it('says when the linked account has no assessments', async () => {
    const h = await makeHarness();
    await linkUniversity(h, people.alice, 'alice.other@partneruniversity.example');
    assert.match(textOf(await h.say(people.alice, 'my certifications')), /Your Partner University account alice\.other@partneruniversity\.example has no assessments yet\./);
    assert.match(textOf(await h.say(people.alice, 'mes certifications', { locale: 'fr-FR' })), /Votre compte Université partenaire alice\.other@partneruniversity\.example n’a pas encore d’évaluation\./);
  });

  it("and the org's skills report, as the app composes it, lists them for the linked person", async () => {
    const h = await makeHarness();
    await importAssessments(h);
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    await linkUniversity(h, people.alice, ALICE_PU);
    const rows = [];
    for await (const r of h.services.reports.rows(CONTOSO, new Date('2026-01-05T09:00:00Z'))) rows.push(r);
    assert.deepEqual(
      rows.filter((r) => r.TrainingType === 'Assessment').map((r) => [r.MCPID, r.TrainingTitle]),
      [
        ['10203040', 'Azure Pre-Sales Assessment'],
        ['10203040', 'Modern Work Sales Assessment'],
      ],
    );
  });
});
