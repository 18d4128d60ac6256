/**
 * One test per question of the seed page's FAQ and support section (Partner Center, « Lier ou
 * dissocier un ID de profil de certification Microsoft »): the answer, in English and French,
 * carries the page's facts and, where the page gives one, its link.
 */
import { strict as assert } from 'node:assert';
import { makeHarness, people, Person, textOf } from '../../../support/conversationHarness';

type Expectation = { en: [string, RegExp[]]; fr: [string, RegExp[]] };

async function answers(expect: Expectation, who: Person = people.alice): Promise<void> {
  const h = await makeHarness();
  for (const [locale, [question, facts]] of [
    ['en-US', expect.en],
    ['fr-FR', expect.fr],
  ] as const) {
    const text = textOf(await h.say(who, question, { locale }));
    for (const fact of facts) assert.match(text, fact, `${question} → ${text}`);
  }
}

describe('the seed page’s FAQ, each answered with its facts and links', () => {
  it('how a user links their MCID: Partner University or Microsoft Learning, and only the user does it', () =>
    answers({
      en: ['How can I link my MCID to the organization I work for?', [/link my certification/, /Microsoft Learning account/, /link Partner University/, /only you can link your own certifications/]],
      fr: ['Comment lier mon MCID à l’organisation pour laquelle je travaille ?', [/lier ma certification/, /compte Microsoft Learning/, /lier l’Université partenaire/, /vous seul pouvez lier vos certifications/]],
    }));

  it('how a user unlinks their MCID: "remove access", and only the user does it', () =>
    answers({
      en: ['How do I unlink my MCID?', [/remove access/, /only you can remove your own link/]],
      fr: ['Comment dissocier mon MCID ?', [/supprimer l’accès/, /vous seul pouvez supprimer votre liaison/]],
    }));

  it('left company A for company B: link to B, and A’s link ends automatically', () =>
    answers({
      en: ['I left company A and now work for company B', [/company B/, /ends automatically in the same step/]],
      fr: ['J’ai quitté la société A et je travaille maintenant pour la société B', [/société B/, /prend fin automatiquement dans la même étape/]],
    }));

  it('left company A with no access: the global admin deletes the account first, then removes the person from the report', () =>
    answers({
      en: ['I left the company and no longer have access', [/^Once you have left company A, its global admin must delete your account there\. If your MCID still shows as linked .* remove you from the report/]],
      fr: [
        'J’ai quitté la société et je n’ai plus accès',
        [/^Une fois que vous avez quitté la société A, votre compte doit y être supprimé par l’administrateur général\. Si votre MCID apparaît toujours comme lié .* vous supprimer du rapport/],
      ],
    }));

  it('the admin gave sign-in details and had no response: check the email, then contact the user', () =>
    answers({
      en: ['The admin provided sign-in details to a user and got no response', [/first check the email address used, then contact the person/]],
      fr: ['L’administrateur a fourni les détails de connexion et n’a pas obtenu de réponse', [/d’abord vérifier l’adresse e-mail utilisée, puis contacter la personne/]],
    }));

  it('an association is limited: 3 a year, 30 days from the first day, check the date, then Partner Center support with its link', () =>
    answers({
      en: [
        'Why is my association limited?',
        [/at most 3 associations a year/, /30 days between associations counted from the start of the previous one/, /when can I link again/, /contact Partner Center support: https:\/\/partner\.microsoft\.com\/support/],
      ],
      fr: [
        'Pourquoi mon association est-elle limitée ?',
        [
          /limité à 3 associations par an/,
          /période de 30 jours entre chaque association, comptée à partir du premier jour/,
          /quand puis-je lier à nouveau/,
          /support technique de l’Espace partenaires : https:\/\/partner\.microsoft\.com\/support/,
        ],
      ],
    }));

  it('support: a ticket with Partner Center support for technical problems, certification support for merges', () =>
    answers({
      en: ['how do I contact support?', [/open a ticket with Microsoft Partner Center support: https:\/\/partner\.microsoft\.com\/support/, /merging .*certification support: https:\/\/aka\.ms\/mcpforum/]],
      fr: [
        'comment contacter le support technique ?',
        [/ouvrez un ticket avec le support technique Microsoft .*https:\/\/partner\.microsoft\.com\/support/, /fusion .*support technique des certifications : https:\/\/aka\.ms\/mcpforum/],
      ],
    }));

  it('merging two MCIDs: certification support with its link', () =>
    answers({
      en: ['I have two MCIDs, how do I merge them?', [/contact certification support: https:\/\/aka\.ms\/mcpforum/]],
      fr: ['comment fusionner mes deux profils de certification ?', [/contactez le support technique des certifications : https:\/\/aka\.ms\/mcpforum/]],
    }));

  it('who sees the skills report: any global admin or partner admin; a non-admin gets the answer, not a refusal', () =>
    answers(
      {
        en: ['Who can see the skills report?', [/seen and downloaded by any of its global admins or partner admins/, /any global admin or MPN partner admin/]],
        fr: ['Qui peut voir le rapport des compétences ?', [/accessible et peut être téléchargé par n’importe lequel de ses administrateurs généraux ou administrateurs partenaires/]],
      },
      people.bob,
    ));
});
