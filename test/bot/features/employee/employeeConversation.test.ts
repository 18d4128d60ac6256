import { strict as assert } from 'node:assert';
import { MAX_LISTED_CERTIFICATIONS } from '../../../../bot/features/employee/certificationsHandler';
import { button, buttons, makeHarness, people, textOf } from '../../../support/conversationHarness';

const R4_EN = 'You have attempted to associate with a partner organization. However, we require a period of 30 days between associations. Your next available date for a subsequent association is February 4, 2026 (UTC).';
const R4_FR =
  'Vous avez tenté de vous associer à une organisation partenaire. Toutefois, nous exigeons une période de 30 jours entre chaque association. La prochaine date disponible pour une association est le 4 février 2026 (UTC).';

describe('employee conversation: link, switch, refusal, status, remove', () => {
  it('links in English after a confirmation card that says what will happen', async () => {
    const h = await makeHarness();
    const replies = await h.say(people.alice, 'link my certification');
    const text = textOf(replies);
    assert.match(text, /Link MCID 10203040 to Contoso\?/);
    assert.match(text, /association 1 of 3 allowed a year/);
    assert.match(text, /next possible association is February 4, 2026 \(UTC\)/);
    const confirm = button(replies, 'link.confirm');
    // Partner Center's words are the card's text; the button says the action in a few words.
    assert.match(text, /^Use alice@contoso\.com to associate my Microsoft Learning account\.$/m);
    assert.equal(confirm.title, 'Link with alice@contoso.com');
    const fr = await h.say(people.benoit, 'lier ma certification', { locale: 'fr-FR' });
    assert.match(textOf(fr), /^Utiliser benoit@contoso\.com pour associer mon compte Microsoft Learning\.$/m);
    assert.equal(button(fr, 'link.confirm').title, 'Lier avec benoit@contoso.com');
    assert.equal(await h.associationStore.getRecord('10203040'), null, 'nothing is written before the click');

    const result = await h.click(people.alice, confirm);
    assert.equal(result.status, 200);
    const resultText = textOf(result.body);
    assert.match(resultText, /Linked to Contoso/);
    assert.match(resultText, /within 72 hours; newly passed exams and assessments can take 7 to 10 days/);
    assert.equal((await h.associationStore.getRecord('10203040'))?.link?.mpnId, '1234567');

    const status = textOf(await h.say(people.alice, 'when can I link again?'));
    assert.match(status, /MCID 10203040 is linked to Contoso since January 5, 2026 \(UTC\)/);
    assert.match(status, /1 of 3 associations used/);
    assert.match(status, /next available date for an association is February 4, 2026/);
    // Which limit sets that date, as a refusal would say it.
    assert.match(status, /What blocks it now: 30 days must pass from the start of your last association\./);
    assert.match(textOf(await h.say(people.alice, 'statut', { locale: 'fr-FR' })), /Ce qui bloque : 30 jours doivent s’écouler depuis le début de votre dernière association\./);
  });

  it('the status card of someone free to link offers to link from there', async () => {
    const h = await makeHarness();
    const status = await h.say(people.alice, 'status');
    assert.match(textOf(status), /You can link now\./);
    const card = JSON.stringify(status);
    assert.match(card, /"title":"Link my certification","verb":"link\.start"/);
    const linkNow = await h.click(people.alice, { verb: 'link.start', cardId: '' });
    assert.match(textOf(linkNow.body), /Link MCID 10203040 to Contoso\?/);
    await h.click(people.alice, button((linkNow.body as { value: unknown }).value, 'link.confirm'));
    // Linked: no such button any more; blocked: "Notify me" instead.
    const linked = JSON.stringify(await h.say(people.alice, 'status'));
    assert.doesNotMatch(linked, /link\.start/);
  });

  it('"my certifications" lists the profile’s exams and certifications with their dates, and whether they count for the org', async () => {
    const h = await makeHarness();
    const before = await h.say(people.alice, 'what certifications do I have?');
    const text = textOf(before);
    assert.match(text, /Your certifications/);
    assert.match(text, /MCID 10203040 is not linked: these count for no organization until you link it\./);
    assert.match(text, /Microsoft Certified: DevOps Engineer Expert, expired September 4, 2025 \(UTC\)/);
    assert.match(text, /Microsoft Certified: Fabric Analytics Engineer Associate\. Earned October 2, 2025 \(UTC\), expires October 2, 2026 \(UTC\)\./);
    // An exam: its number once (the label), not again from Partner Center's title.
    assert.match(text, /AZ-204\nDeveloping Solutions for Microsoft Azure\. Earned September 15, 2026 \(UTC\)\./);
    assert.match(JSON.stringify(before), /"title":"Link my certification","verb":"link\.start"/);

    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    const after = await h.say(people.alice, 'mes certifications', { locale: 'fr-FR' });
    assert.match(textOf(after), /Le MCID 10203040 est lié à Contoso : elles comptent dans le rapport des compétences de Contoso\./);
    assert.match(textOf(after), /Microsoft Certified: DevOps Engineer Expert, expirée le 4 septembre 2025 \(UTC\)/);
    assert.match(textOf(after), /se corrige sur votre profil Microsoft Learning/);
    assert.doesNotMatch(JSON.stringify(after), /link\.start/, 'linked: no button to link again');
    // Personal data: only in the personal chat.
    assert.match(textOf(await h.say(people.alice, 'my certifications', { conversationType: 'channel' })), /only in our personal chat/);
  });

  it('"my certifications" from the other Teams account of the same person says where the profile is linked', async () => {
    const h = await makeHarness();
    await h.click(people.hugoAtContoso, button(await h.say(people.hugoAtContoso, 'link my certification'), 'link.confirm'));
    const fromFabrikam = await h.say(people.hugoAtFabrikam, 'my certifications');
    assert.match(textOf(fromFabrikam), /MCID 10210817 is linked to Contoso: these count in Contoso’s skills report\./);
    assert.doesNotMatch(JSON.stringify(fromFabrikam), /link\.start/);
  });

  it('"my certifications" cuts a long profile with "… and N more"', async () => {
    const h = await makeHarness();
    const alice = await h.stores.profiles.get('10203040');
    assert.ok(alice);
    const certifications = Array.from({ length: MAX_LISTED_CERTIFICATIONS + 5 }, (_, i) => ({ number: `EX-${i}`, title: `Exam EX-${i}: Skill ${i}`, type: 'exam' as const, earnedOn: '2025-06-01' }));
    await h.stores.profiles.upsert({ ...alice, certifications });
    const text = textOf(await h.say(people.alice, 'my certifications'));
    assert.match(text, new RegExp(`EX-${MAX_LISTED_CERTIFICATIONS - 1}\\nSkill ${MAX_LISTED_CERTIFICATIONS - 1}\\.`));
    assert.doesNotMatch(text, new RegExp(`EX-${MAX_LISTED_CERTIFICATIONS}\\n`));
    assert.match(text, /… and 5 more\./);

    // A profile with none says so, under the link line.
    await h.stores.profiles.upsert({ ...alice, certifications: [] });
    const none = textOf(await h.say(people.alice, 'my certifications'));
    assert.match(none, /MCID 10203040 is not linked: these count for no organization until you link it\.\nYour certification profile has no exams or certifications yet\./);
  });

  it('speaks French to fr-FR and links with « lier ma certification »', async () => {
    const h = await makeHarness();
    const replies = await h.say(people.alice, 'Lier ma certification', { locale: 'fr-FR' });
    assert.match(textOf(replies), /Lier le MCID 10203040 à Contoso \?/);
    const confirm = button(replies, 'link.confirm');
    assert.equal(confirm.title, 'Lier avec alice@contoso.com');
    const result = await h.click(people.alice, confirm, { locale: 'fr-FR' });
    assert.match(textOf(result.body), /Lié à Contoso/);
    assert.match(textOf(result.body), /dans les 72 heures/);
  });

  it('answers in the language of the phrase when the activity has no locale', async () => {
    const h = await makeHarness();
    const replies = await h.say(people.alice, 'quand puis-je lier à nouveau ?', { locale: '' });
    assert.match(textOf(replies), /Vous pouvez lier maintenant|n’est lié à aucune organisation/);
    // A language CertLink does not speak (German Teams): the phrase decides too, else English.
    assert.match(textOf(await h.say(people.alice, 'aide', { locale: 'de-DE' })), /Ce que je sais faire/);
    assert.match(textOf(await h.say(people.alice, 'help', { locale: 'de-DE' })), /What I can do/);
    assert.match(textOf(await h.say(people.alice, 'hallo', { locale: 'de-DE' })), /What I can do/);
    // Its card's buttons answer in the card's language, whatever the client's.
    const card = await h.say(people.alice, 'lier ma certification', { locale: 'de-DE' });
    assert.match(textOf(card), /Lier le MCID 10203040 à Contoso \?/);
    assert.match(textOf((await h.click(people.alice, button(card, 'link.confirm'), { locale: 'de-DE' })).body), /Lié à Contoso/);
    // A language it speaks wins over the phrase's.
    assert.match(textOf(await h.say(people.alice, 'aide', { locale: 'en-GB' })), /What I can do/);
  });

  it('switches from Contoso to Fabrikam in one step, after refusing too early with the exact R4 text', async () => {
    const h = await makeHarness();
    await h.click(people.hugoAtContoso, button(await h.say(people.hugoAtContoso, 'link my certification'), 'link.confirm'));

    h.clock.set('2026-01-15T10:00:00Z');
    const refused = await h.say(people.hugoAtFabrikam, 'link my certification');
    const refusedText = textOf(refused);
    assert.ok(refusedText.includes(R4_EN), refusedText);
    assert.match(refusedText, /30 days must pass from the start of your last association/);
    assert.match(refusedText, /I will tell you here on February 4, 2026 \(UTC\), the first day you can link again/);
    assert.ok(!buttons(refused).some((b) => b.verb === 'notices.notifyMe'), 'the notice is planned: no "Notify me" to ask for it again');

    const refusedFr = textOf(await h.say(people.hugoAtFabrikam, 'lier ma certification', { locale: 'fr-CA' }));
    assert.ok(refusedFr.includes(R4_FR), refusedFr);

    h.clock.set('2026-02-05T10:00:00Z');
    const confirm = await h.say(people.hugoAtFabrikam, 'link my certification');
    assert.match(textOf(confirm), /This ends your link to Contoso in the same step/);
    assert.match(textOf(confirm), /association 2 of 3/);
    const done = await h.click(people.hugoAtFabrikam, button(confirm, 'link.confirm'));
    assert.match(textOf(done.body), /Your link to Contoso ended in the same step/);
    const members: string[] = [];
    for await (const batch of h.associationStore.scanOrgMembers('1234567')) members.push(...batch);
    assert.deepEqual(members, [], 'Contoso no longer has Hugo');

    const contosoStatus = textOf(await h.say(people.hugoAtContoso, 'status'));
    assert.match(contosoStatus, /is linked to Fabrikam/);
  });

  it('removes a link after a confirmation, and removing gives no association back', async () => {
    const h = await makeHarness();
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    const confirm = await h.say(people.alice, 'remove my certification');
    assert.match(textOf(confirm), /Remove the link between MCID 10203040 and Contoso\?/);
    const removed = await h.click(people.alice, button(confirm, 'unlink.confirm'));
    assert.match(textOf(removed.body), /MCID 10203040 is no longer linked to Contoso/);
    assert.match(textOf(removed.body), /next available date for an association is February 4, 2026/);
    assert.equal((await h.associationStore.getRecord('10203040'))?.link, null);
    assert.match(textOf(await h.say(people.alice, 'remove my certification')), /no linked certification to remove/);
  });

  it('"remove" from another Teams account of the same person says where the link was made, and removes nothing', async () => {
    const h = await makeHarness();
    await h.click(people.hugoAtFabrikam, button(await h.say(people.hugoAtFabrikam, 'link my certification'), 'link.confirm'));
    const text = textOf(await h.say(people.hugoAtContoso, 'remove my certification'));
    assert.equal(
      text,
      'MCID 10210817, the one your Teams email leads to, is linked to Fabrikam from another Teams account. Only that account can remove the link. To move it to Contoso instead, say "link my certification" here.',
    );
    assert.match(
      textOf(await h.say(people.hugoAtContoso, 'supprimer ma certification', { locale: 'fr-FR' })),
      /^Le MCID 10210817, celui auquel mène votre e-mail Teams, est lié à Fabrikam depuis un autre compte Teams\./,
    );
    assert.equal((await h.associationStore.getRecord('10210817'))?.link?.mpnId, '7654321', 'still linked');
    // Nothing linked anywhere: nothing to remove.
    assert.match(textOf(await h.say(people.alice, 'remove my certification')), /^You have no linked certification to remove\.$/);
  });

  it('cancel changes nothing', async () => {
    const h = await makeHarness();
    const confirm = await h.say(people.alice, 'link my certification');
    const out = await h.click(people.alice, button(confirm, 'card.cancel'));
    assert.match(textOf(out.body), /Cancelled\. Nothing was changed/);
    assert.equal(await h.associationStore.getRecord('10203040'), null);
  });

  it('says what to do when no profile uses the person’s email and sign-in is off', async () => {
    const h = await makeHarness();
    const text = textOf(await h.say(people.bob, 'link my certification'));
    assert.match(text, /could not find a Microsoft Certification profile that uses bob@contoso.com/);
    assert.match(text, /ask your CertLink administrator to enable sign-in/);
  });

  it('says that typing an MCID never links it, and links only the person’s own (R5)', async () => {
    const h = await makeHarness();
    const typed = await h.say(people.alice, 'link MCID 10214150');
    const text = textOf(typed);
    assert.match(text, /You typed MCID 10214150, but I link only the MCID of your own certification profile, the one that uses alice@contoso.com: MCID 10203040/);
    assert.match(text, /Link MCID 10203040 to Contoso\?/);
    await h.click(people.alice, button(typed, 'link.confirm'));
    assert.equal((await h.associationStore.getRecord('10214150'))?.link ?? null, null, 'the typed MCID is not linked');
    assert.equal((await h.associationStore.getRecord('10203040'))?.link?.userId, people.alice.userId);

    const again = textOf(await h.say(people.alice, 'lier le MCID 10214150', { locale: 'fr-FR' }));
    assert.match(again, /Vous avez saisi le MCID 10214150, mais je lie uniquement le MCID de votre propre profil de certification/);
    assert.match(again, /Le MCID 10203040 est déjà lié à Contoso/);

    // Their own MCID, or a number that is not one: no warning.
    assert.doesNotMatch(textOf(await h.say(people.benoit, 'link my certification 10204151')), /You typed/);
    assert.doesNotMatch(textOf(await h.say(people.benoit, 'link my certification in 2026')), /You typed/);

    // No profile: the typed MCID is not looked at, and nothing says whether it exists.
    const stranger = textOf(await h.say(people.bob, 'link my MCID 10214150'));
    assert.match(stranger, /I never link an MCID typed in chat/);
    assert.match(stranger, /could not find a Microsoft Certification profile that uses bob@contoso.com/);
    assert.doesNotMatch(stranger, /Karen|fabrikam/i);
  });

  it('with sign-in on, a typed MCID that is not the person’s own points to signing in with its account', async () => {
    const h = await makeHarness({ oauthConnectionName: 'learn' });
    const replies = await h.say(people.alice, 'link MCID 10214150');
    assert.match(textOf(replies), /if MCID 10214150 is yours, sign in with the Microsoft Learning account it belongs to/);
    assert.ok(
      buttons(replies).some((b) => b.verb === 'link.signIn'),
      'the card offers the sign-in',
    );
  });

  it('"yes" typed under a confirmation card points to its buttons and confirms nothing', async () => {
    const h = await makeHarness();
    // No card open: "yes" is like any message not understood.
    assert.match(textOf(await h.say(people.alice, 'yes')), /What I can do/);
    await h.say(people.alice, 'link my certification');
    const yes = await h.say(people.alice, 'yes');
    assert.match(textOf(yes), /Typing does not answer a card: please use the buttons on the card above\. Nothing was changed\. A card works for 15 minutes/);
    assert.equal(await h.associationStore.getRecord('10203040'), null, 'typing "yes" linked nothing');
    assert.match(textOf(await h.say(people.alice, 'Oui !', { locale: 'fr-FR' })), /Une réponse tapée ne répond pas à une carte/);
    // Someone with no card of their own open gets the help, as before; "ok thanks" closes the conversation.
    assert.match(textOf(await h.say(people.benoit, 'ok')), /What I can do/);
    assert.match(textOf(await h.say(people.benoit, 'ok thanks')), /^You're welcome!/);
    assert.match(textOf(await h.say(people.benoit, 'ça marche merci', { locale: 'fr-FR' })), /^Avec plaisir !/);
    // With a card open, "ok thanks" is still no click.
    assert.match(textOf(await h.say(people.alice, 'ok thanks')), /Typing does not answer a card/);
  });

  it('refuses to take an MCID another person in the org linked (R6)', async () => {
    const h = await makeHarness({
      memberEmail: { emailOf: async () => 'alice@contoso.com' },
    });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    const text = textOf(await h.say(people.mallory, 'link my certification'));
    assert.match(text, /already linked by another person in your organization/);
    assert.equal((await h.associationStore.getRecord('10203040'))?.link?.userId, people.alice.userId);
  });

  it('tells a tenant without an organization what the admin must configure', async () => {
    const h = await makeHarness();
    const text = textOf(await h.say(people.stranger, 'link my certification'));
    assert.match(text, /not set up in CertLink/);
    assert.match(text, /ORGS_FILE/);
    assert.match(text, /00000000-dead-4000-8000-000000000000/);
  });

  it('keeps personal data out of channels', async () => {
    const h = await makeHarness();
    const text = textOf(await h.say(people.alice, 'link my certification', { conversationType: 'channel' }));
    assert.match(text, /only in our personal chat/);
  });
});
