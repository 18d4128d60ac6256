/**
 * Partner Center fidelity, the accounts side: "remove access" ends whichever link exists, support
 * and MCID merges answered with their links, Partner University linked by its own sign-in.
 * (The wording of refusals, dates and counts: partnerCenterFidelityWording.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { button, buttons, makeHarness, people, Person, textOf } from '../../../support/conversationHarness';

type Harness = Awaited<ReturnType<typeof makeHarness>>;

async function linkMcid(h: Harness, who = people.alice): Promise<void> {
  await h.click(who, button(await h.say(who, 'link my certification'), 'link.confirm'));
}

/** As a Partner University sign-in would link it (its own test is below). */
async function linkUniversity(h: Harness, who: Person = people.alice): Promise<void> {
  await h.services.university.link(who.tenantId, who.userId, who.email ?? '');
}

describe('Partner Center fidelity: "remove access" ends whichever link exists', () => {
  for (const [locale, phrase] of [
    ['en-US', 'remove access'],
    ['fr-FR', 'Supprimer l’accès'],
  ] as const) {
    it(`with only an MCID linked, "${phrase}" leads to the MCID removal card and unlinks it`, async () => {
      const h = await makeHarness();
      await linkMcid(h);
      const card = await h.say(people.alice, phrase, { locale });
      assert.match(textOf(card), locale === 'en-US' ? /Remove the link between MCID 10203040 and Contoso\?/ : /Supprimer la liaison entre le MCID 10203040 et Contoso \?/);
      assert.doesNotMatch(textOf(card), /Partner University|Université partenaire/);
      await h.click(people.alice, button(card, 'unlink.confirm'));
      assert.equal((await h.associationStore.getRecord('10203040'))?.link, null);
    });

    it(`with only Partner University linked, "${phrase}" removes Partner University access`, async () => {
      const h = await makeHarness();
      await linkUniversity(h);
      assert.match(textOf(await h.say(people.alice, phrase, { locale })), locale === 'en-US' ? /Partner University access removed/ : /Accès à l’Université partenaire supprimé/);
      assert.equal(await h.services.university.get(people.alice.tenantId, people.alice.userId), null);
    });

    it(`with both linked, "${phrase}" offers the choice, and each button does its part only`, async () => {
      const h = await makeHarness();
      await linkMcid(h);
      await linkUniversity(h);
      const choice = await h.say(people.alice, phrase, { locale });
      assert.match(
        textOf(choice),
        locale === 'en-US'
          ? /MCID 10203040 is linked to Contoso, and your Partner University account alice@contoso\.com is linked/
          : /MCID 10203040 est lié à Contoso et votre compte Université partenaire alice@contoso\.com est associé/,
      );
      assert.deepEqual(
        buttons(choice).map((b) => b.verb),
        ['access.removeMcid', 'access.removeUniversity'],
      );
      const mcidCard = await h.click(people.alice, button(choice, 'access.removeMcid'));
      await h.click(people.alice, button((mcidCard.body as { value: unknown }).value, 'unlink.confirm'));
      assert.equal((await h.associationStore.getRecord('10203040'))?.link, null);
      assert.notEqual(await h.services.university.get(people.alice.tenantId, people.alice.userId), null, 'Partner University stays');

      await linkMcid(h, people.benoit);
      await linkUniversity(h, people.benoit);
      const again = await h.say(people.benoit, phrase, { locale });
      await h.click(people.benoit, button(again, 'access.removeUniversity'));
      assert.equal(await h.services.university.get(people.benoit.tenantId, people.benoit.userId), null);
      assert.notEqual((await h.associationStore.getRecord('10204151'))?.link ?? null, null, 'the MCID stays linked');
    });
  }

  it('with nothing linked, says there is nothing to remove, in both languages', async () => {
    const h = await makeHarness();
    assert.match(textOf(await h.say(people.alice, 'remove access')), /no linked certification and no Partner University account/);
    assert.match(textOf(await h.say(people.alice, 'supprimer l’accès', { locale: 'fr-FR' })), /ni certification liée ni compte Université partenaire/);
  });
});

describe('Partner Center fidelity: support and MCID merges are answered with their links', () => {
  const MERGE = 'https://aka.ms/mcpforum';
  const SUPPORT = 'https://partner.microsoft.com/support';

  it('"I have two MCIDs, how do I merge them?" gets certification support, in both languages', async () => {
    const h = await makeHarness();
    for (const [q, locale, words] of [
      ['I have two MCIDs, how do I merge them?', 'en-US', /merging Microsoft Certification Profiles.*contact certification support/],
      ['comment fusionner mes deux profils de certification ?', 'fr-FR', /fusion du profil de certification Microsoft.*contactez le support technique des certifications/],
    ] as const) {
      const text = textOf(await h.say(people.alice, q, { locale }));
      assert.match(text, words, text);
      assert.ok(text.includes(MERGE), text);
      assert.equal(buttons(await h.say(people.alice, q, { locale })).length, 0, 'an answer, not a link card');
    }
  });

  it('"how do I contact support?" gets Partner Center support for technical problems, and certification support for merges', async () => {
    const h = await makeHarness();
    for (const [q, locale, words] of [
      ['how do I contact support?', 'en-US', /technical problems linking or unlinking an MCID.*open a ticket with Microsoft Partner Center support/],
      ['comment contacter le support technique ?', 'fr-FR', /problèmes techniques de liaison ou de dissociation de MCID.*ouvrez un ticket avec le support technique Microsoft/],
    ] as const) {
      const text = textOf(await h.say(people.alice, q, { locale }));
      assert.match(text, words, text);
      assert.ok(text.includes(SUPPORT) && text.includes(MERGE), text);
    }
  });

  it('every answer that says to contact support carries the link, in both languages', async () => {
    const h = await makeHarness();
    const questions: [string, string][] = [
      ['Why is my association limited?', 'en-US'],
      ['Pourquoi mon association est-elle limitée ?', 'fr-FR'],
      ['What is an MCID?', 'en-US'],
      ['Où trouver mon MCID ?', 'fr-FR'],
      ['how do I contact support?', 'en-US'],
      ['I have two MCIDs, how do I merge them?', 'en-US'],
      ['my certifications', 'en-US'],
      ['mes certifications', 'fr-FR'],
    ];
    for (const [q, locale] of questions) {
      const text = textOf(await h.say(people.alice, q, { locale }));
      const mentions = /\bsupport\b/i.test(text);
      assert.ok(mentions, `${q}: ${text}`);
      for (const sentence of text.split(/(?<=[.!?])\s+/).filter((s) => /\bsupport\b/i.test(s))) {
        assert.match(sentence, /https:\/\/(aka\.ms\/mcpforum|partner\.microsoft\.com\/support)/, `${q}: "${sentence}" says support without its link`);
      }
    }
  });
});

describe('Partner University is linked by signing in to it, never with the Teams email', () => {
  function fakeJwt(claims: Record<string, string>): string {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'none' })}.${part(claims)}.sig`;
  }

  for (const [locale, phrase, credentials, buttonTitle, linked] of [
    [
      'en-US',
      'link Partner University',
      /Enter the credentials of your Partner University account \(not your Partner Center account\)/,
      'Sign in to Partner University',
      /Your Partner University account alice\.pu@university\.example is linked\./,
    ],
    [
      'fr-FR',
      'lier l’Université partenaire',
      /Entrez les informations d’identification de votre compte Université partenaire \(pas votre compte de l’Espace partenaires\)/,
      'Se connecter à l’Université partenaire',
      /Votre compte Université partenaire alice\.pu@university\.example est associé\./,
    ],
  ] as const) {
    it(`asks for the Partner University account's own sign-in and links the account it proves (${locale})`, async () => {
      const h = await makeHarness({ universityOauthConnectionName: 'partner-university' });
      h.adapter.addUserToken('partner-university', 'msteams', `29:${people.alice.userId}`, fakeJwt({ preferred_username: 'alice.pu@university.example' }), '654321');
      const start = await h.say(people.alice, phrase, { locale });
      assert.match(textOf(start), credentials);
      assert.doesNotMatch(textOf(start), /alice@contoso\.com/, 'the Teams email proves nothing here');
      assert.doesNotMatch(textOf(start), /72|skills report|rapport/, 'no promise of what the link does not give');
      const signIn = button(start, 'university.signIn');
      assert.equal(signIn.title, buttonTitle);
      const clicked = await h.click(people.alice, signIn, { locale });
      assert.ok(
        clicked.others.some((a) => a.attachments?.some((x) => x.contentType === 'application/vnd.microsoft.card.oauth')),
        'an OAuth sign-in card is sent',
      );
      assert.match(textOf(await h.say(people.alice, '654321', { locale })), linked);
      assert.equal((await h.services.university.get(people.alice.tenantId, people.alice.userId))?.account, 'alice.pu@university.example');
    });
  }

  it('without its sign-in configured, Partner University is not offered, and nothing is linked with the Teams email', async () => {
    const h = await makeHarness();
    const en = await h.say(people.alice, 'link Partner University');
    assert.match(textOf(en), /needs its own sign-in, which this CertLink does not offer yet/);
    assert.deepEqual(buttons(en), []);
    assert.match(textOf(await h.say(people.alice, 'lier l’Université partenaire', { locale: 'fr-FR' })), /demande sa propre connexion/);
    assert.equal(await h.services.university.get(people.alice.tenantId, people.alice.userId), null);
  });
});
