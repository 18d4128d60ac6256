import { strict as assert } from 'node:assert';
import { button, makeHarness, menuCommands, people, textOf } from '../../../support/conversationHarness';

describe('employee conversation: help, FAQ, Partner University, welcome', () => {
  it('answers unknown input with help and buttons, in both languages', async () => {
    const h = await makeHarness();
    const en = await h.say(people.alice, 'what is the weather like');
    assert.match(textOf(en), /What I can do/);
    assert.match(textOf(en), /"stop notifications" \/ "start notifications"/);
    assert.match(textOf(en), /"my data" \/ "delete my data"/);
    assert.deepEqual(menuCommands(en), ['link my certification', 'when can I link again', 'remove my certification', 'link Partner University']);
    assert.match(textOf(await h.say(people.alice, 'aide', { locale: 'fr-FR' })), /Ce que je sais faire/);
  });

  it('answers the six questions of the seed’s FAQ', async () => {
    const h = await makeHarness();
    const ask = async (q: string, locale = 'en-US') => textOf(await h.say(people.alice, q, { locale }));
    assert.match(await ask('How can I link my MCID to the organization I work for?'), /only you can link your own certifications/);
    assert.match(await ask('How do I unlink my MCID?'), /only you can remove your own link/);
    assert.match(await ask('I left company A and now work for company B'), /ends automatically in the same step/);
    assert.match(await ask('I left the company and no longer have access'), /ask a global admin of company A to remove you/);
    assert.match(await ask('The admin provided sign-in details to a user and got no response'), /check the email address used/);
    assert.match(await ask('Why is my association limited?'), /at most 3 associations a year, with 30 days between/);
    assert.match(await ask('Pourquoi mon association est-elle limitée ?', 'fr-FR'), /limité à 3 associations par an, avec une période de 30 jours/);
    assert.match(await ask("J'ai quitté la société A et je travaille maintenant pour la société B", 'fr-FR'), /automatiquement dans la même étape/);
  });

  it('answers the questions people ask beyond the FAQ, in both languages', async () => {
    const h = await makeHarness();
    const ask = async (q: string, locale = 'en-US') => textOf(await h.say(people.alice, q, { locale }));
    // How often one may link is the rule; what is left is the person's own status card.
    assert.match(await ask('How many times can I associate my MCID?'), /at most 3 associations a year/);
    assert.match(await ask('Combien de fois puis-je associer mon MCID ?', 'fr-FR'), /limité à 3 associations par an/);
    assert.match(await ask('How many associations do I have left?'), /0 of 3 associations used/);
    assert.match(await ask('Combien d’associations me reste-t-il ?', 'fr-FR'), /Associations utilisées : 0 sur 3/);
    // "Is it linked?" shows the status; it never starts a link (no confirmation card).
    const linked = await h.say(people.alice, 'Is my MCID linked?');
    assert.match(textOf(linked), /MCID 10203040 is not linked to any organization/);
    assert.equal(
      linked.some((a) => JSON.stringify(a).includes('link.confirm')),
      false,
    );
    assert.match(await ask('Mon MCID est-il lié ?', 'fr-FR'), /n’est lié à aucune organisation/);
    // Nobody links for someone else (R5).
    assert.match(await ask('Can my admin link my certification for me?'), /only you can link your own certifications/);
    assert.match(await ask('Mon administrateur peut-il lier ma certification à ma place ?', 'fr-FR'), /vous seul pouvez lier vos certifications/);
    // The report's delay (R8).
    assert.match(await ask("Why don't my certifications appear in the report?"), /within 72 hours; newly passed exams and assessments can take 7 to 10 days/);
    assert.match(await ask('Combien de temps avant que mes certifications apparaissent dans le rapport ?', 'fr-FR'), /dans les 72 heures/);
    assert.match(await ask('I got a new job, how do I transfer my certification?'), /ends automatically in the same step/);
    assert.match(await ask('What is an MCID?'), /^Your MCID \(Microsoft Certification Profile ID\) is the number of your Microsoft certification profile.*You do not need to type it/);
    assert.match(await ask('Où trouver mon MCID ?', 'fr-FR'), /^Votre MCID \(ID de profil de certification Microsoft\).*Vous n’avez pas à le saisir/);
    // One organization at a time (R1), with the configured limits.
    assert.match(await ask('Can I link my certification to two companies?'), /^No: an MCID is linked to one organization at a time.*one of your 3 associations a year, 30 days apart\.$/);
    assert.match(await ask('Puis-je lier ma certification à deux sociétés ?', 'fr-FR'), /^Non : un MCID n’est lié qu’à une seule organisation à la fois.*3 associations par an, espacées de 30 jours\.$/);
    // Who sees one's certifications: the org's admins, through the report, and only once linked.
    assert.match(
      await ask('Can my manager see my certifications?'),
      /^Once your MCID is linked to Contoso, its global admins and the partner admins they name see you in the skills report.*never link or change anything for you/,
    );
    assert.match(await ask('Qui peut voir mes certifications ?', 'fr-FR'), /^Une fois votre MCID lié à Contoso, ses administrateurs généraux/);
    assert.match(await ask('When will I be able to associate again?'), /You can link now\./);
    assert.match(await ask('I joined Fabrikam'), /ends automatically in the same step/);
    assert.match(await ask('How do I get my certifications into the Partner Center report?'), /link my certification/);
    assert.match(await ask('Thanks!'), /^You're welcome!/);
    assert.match(await ask('Merci beaucoup', 'fr-FR'), /^Avec plaisir !/);
  });

  it('quotes the configured limits, not the defaults', async () => {
    const h = await makeHarness({ limits: { maxPerWindow: 2, windowDays: 365, windowKind: 'year', cooldownDays: 45 } });
    assert.match(textOf(await h.say(people.alice, 'Why is my association limited?')), /at most 2 associations a year, with 45 days between/);
    assert.match(textOf(await h.say(people.alice, 'pourquoi mon association est-elle limitée', { locale: 'fr-FR' })), /limité à 2 associations par an, avec une période de 45 jours/);
    assert.match(textOf(await h.say(people.alice, 'my data')), /at most 2 associations a year, 45 days between them/);
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    assert.match(textOf(await h.say(people.alice, 'remove my certification')), /the 45 days and the limit of 2 associations a year still count/);
    assert.match(textOf(await h.say(people.alice, 'mes données', { locale: 'fr-FR' })), /au plus 2 associations par an, 45 jours entre deux/);
  });

  it('says "1 association" and "1 day" with LIMIT_MAX_PER_WINDOW=1 and LIMIT_COOLDOWN_DAYS=1, in both languages', async () => {
    const h = await makeHarness({ limits: { maxPerWindow: 1, windowDays: 365, windowKind: 'year', cooldownDays: 1 } });
    const said: string[] = [];
    const ask = async (text: string, locale = 'en-US') => {
      const reply = textOf(await h.say(people.alice, text, { locale }));
      said.push(reply);
      return reply;
    };
    assert.match(await ask('Why is my association limited?'), /at most 1 association a year, with 1 day between associations/);
    assert.match(await ask('pourquoi mon association est-elle limitée', 'fr-FR'), /limité à 1 association par an, avec une période de 1 jour entre/);
    assert.match(await ask('my data'), /at most 1 association a year, 1 day between them/);
    assert.match(await ask('mes données', 'fr-FR'), /au plus 1 association par an, 1 jour entre deux/);
    assert.match(await ask('can I link to two companies?'), /one of your 1 association a year, 1 day apart/);
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    assert.match(await ask('status'), /1 of 1 association used\./);
    assert.match(await ask('remove my certification'), /the 1 day and the limit of 1 association a year still count/);
    assert.match(await ask('supprimer ma certification', 'fr-FR'), /le 1 jour et la limite de 1 association par an/);
    for (const text of said) assert.doesNotMatch(text, /\b1 (associations|days|jours)\b/, text);
  });

  it('names the configured window (a calendar year, another number of days) and heads the status dates with it', async () => {
    const calendar = await makeHarness({ limits: { maxPerWindow: 3, windowDays: 365, windowKind: 'calendar', cooldownDays: 30 } });
    assert.match(textOf(await calendar.say(people.alice, 'status')), /No associations this calendar year\./);
    const confirm = await calendar.say(people.alice, 'link my certification');
    assert.match(textOf(confirm), /association 1 of 3 allowed per calendar year/);
    await calendar.click(people.alice, button(confirm, 'link.confirm'));
    // The heading comes right before the dates it introduces, not after them.
    assert.match(textOf(await calendar.say(people.alice, 'status')), /Associations this calendar year:\nJanuary 5, 2026 \(UTC\)\nContoso/);
    assert.match(textOf(await calendar.say(people.alice, 'statut', { locale: 'fr-FR' })), /Associations de cette année civile :\n5 janvier 2026 \(UTC\)\nContoso/);

    const halfYear = await makeHarness({ limits: { maxPerWindow: 2, windowDays: 180, windowKind: 'rolling', cooldownDays: 45 } });
    assert.match(textOf(await halfYear.say(people.alice, 'Why is my association limited?')), /at most 2 associations in any 180 days, with 45 days between/);
    assert.match(textOf(await halfYear.say(people.alice, 'pourquoi mon association est-elle limitée', { locale: 'fr-FR' })), /limité à 2 associations sur toute période de 180 jours/);
    assert.match(textOf(await halfYear.say(people.alice, 'quand puis-je lier à nouveau', { locale: 'fr-FR' })), /Aucune association des 180 derniers jours\./);
    assert.match(textOf(await halfYear.say(people.alice, 'delete my data')), /Partner Center allows 2 associations in any 180 days with 45 days between them/);
    assert.match(textOf(await halfYear.say(people.alice, 'help')), /"when can I link again": your link, your associations in the last 180 days and your next available date/);
    assert.match(textOf(await calendar.say(people.alice, 'aide', { locale: 'fr-FR' })), /vos associations de cette année civile et votre prochaine date disponible/);
  });

  it('removes a Partner University account (R9)', async () => {
    const h = await makeHarness();
    await h.services.university.link(people.alice.tenantId, people.alice.userId, 'alice.pu@university.example');
    assert.match(textOf(await h.say(people.alice, 'link Partner University')), /already linked/);
    assert.match(textOf(await h.say(people.alice, 'remove Partner University access')), /access removed for alice\.pu@university\.example/);
    assert.match(textOf(await h.say(people.alice, 'remove Partner University access')), /no Partner University account linked/);
  });

  it('welcomes once on install, naming the organization', async () => {
    const h = await makeHarness();
    const install = h.activity(people.alice, { type: 'installationUpdate', action: 'add' }, {});
    const first = await h.raw(install);
    assert.match(textOf(first), /Welcome to CertLink/);
    assert.match(textOf(first), /to Contoso/);
    const again = await h.raw(h.activity(people.alice, { type: 'conversationUpdate', membersAdded: [{ id: '28:certlink', name: 'CertLink' }] }, {}));
    assert.equal(again.length, 0);
    // Uninstalled and installed again the same day: welcomed again.
    await h.raw(h.activity(people.alice, { type: 'installationUpdate', action: 'remove' }, {}));
    assert.match(textOf(await h.raw(h.activity(people.alice, { type: 'installationUpdate', action: 'add' }, {}))), /Welcome to CertLink/);
  });

  it('in a channel, help and the welcome say what admins can ask there and send people to their personal chat', async () => {
    const h = await makeHarness();
    const help = await h.say(people.alice, 'help', { conversationType: 'channel' });
    assert.match(textOf(help), /Here I serve the admins of Contoso/);
    assert.match(textOf(help), /"remove alice@contoso.com from the report"/);
    assert.match(textOf(help), /open your personal chat with CertLink/);
    // Only commands that work here: no "link my certification" button to be refused.
    assert.deepEqual(menuCommands(help), ['skills report', 'audit log', 'list admins']);
    const aide = await h.say(people.alice, 'aide', { conversationType: 'groupChat', locale: 'fr-FR' });
    assert.match(textOf(aide), /Ici, je sers les administrateurs de Contoso/);
    assert.deepEqual(menuCommands(aide), ['rapport des compétences', 'journal d’audit', 'liste des admins']);
    // Something not understood in a channel gets the same.
    assert.match(textOf(await h.say(people.alice, 'what is the weather like', { conversationType: 'channel' })), /What I can do here/);

    const install = await h.raw(h.activity(people.alice, { type: 'installationUpdate', action: 'add' }, { conversationType: 'channel' }));
    assert.match(textOf(install), /CertLink is in this conversation/);
    assert.doesNotMatch(textOf(install), /Welcome to CertLink/);
  });
});
