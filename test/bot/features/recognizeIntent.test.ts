import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IntentName } from '../../../bot/features/priority';
import { recognizeIntent } from '../../../bot/features/recognizeIntent';
import { en } from '../../../services/i18n/en';
import { fr } from '../../../services/i18n/fr';

const cases: [string, IntentName | null, 'en' | 'fr' | null][] = [
  ['link my certification', 'link', 'en'],
  ['Link my Certification!', 'link', 'en'],
  ['<at>CertLink</at> link my MCID', 'link', 'en'],
  ['lier ma certification', 'link', 'fr'],
  ['Lier ma CERTIFICATION', 'link', 'fr'],
  ['associer mon compte Microsoft Learning', 'link', 'fr'],
  ['remove my certification', 'remove', 'en'],
  ['unlink', 'remove', 'en'],
  ['supprimer ma certification', 'remove', 'fr'],
  ['délier mon MCID', 'remove', 'fr'],
  ['dissocier mon MCID', 'remove', 'fr'],
  ['status', 'status', 'en'],
  ['When can I link again?', 'status', 'en'],
  ['quand puis-je lier à nouveau ?', 'status', 'fr'],
  ['Quelle est ma prochaine date ?', 'status', 'fr'],
  ['link Partner University', 'university.link', 'en'],
  ['remove Partner University access', 'university.remove', 'en'],
  ['Obtenir l’accès à l’Université partenaire', 'university.link', 'fr'],
  ['supprimer l’accès à l’Université partenaire', 'university.remove', 'fr'],
  ['help', 'help', 'en'],
  ['aide', 'help', 'fr'],
  ['How can a user link their MCID with the organization they work for?', 'faq.howLink', 'en'],
  ['Comment un utilisateur peut-il dissocier son MCID ?', 'faq.howUnlink', 'fr'],
  ['How do I unlink my MCID?', 'faq.howUnlink', 'en'],
  ['I left company A and now work for company B', 'faq.movedCompany', 'en'],
  ["J'ai quitté la société A et je travaille maintenant pour la société B", 'faq.movedCompany', 'fr'],
  ['I left my company and no longer have access', 'faq.leftNoAccess', 'en'],
  ["J'ai quitté la société et je n'ai plus accès à l'Espace partenaires", 'faq.leftNoAccess', 'fr'],
  ['The admin provided sign-in details and got no response', 'faq.adminNoResponse', 'en'],
  ["L'administrateur a fourni les détails de connexion et n'a pas obtenu de réponse", 'faq.adminNoResponse', 'fr'],
  ['Why is my association limited?', 'faq.limited', 'en'],
  ['Pourquoi mon association est-elle limitée ?', 'faq.limited', 'fr'],
  ['skills report', 'admin.report', 'en'],
  ['<at>CertLink</at> skills report', 'admin.report', 'en'],
  ['rapport des compétences', 'admin.report', 'fr'],
  ['remove alice@contoso.com from the report', 'admin.removeFromReport', 'en'],
  ['supprimer alice@contoso.com du rapport', 'admin.removeFromReport', 'fr'],
  ['make <at>Alice</at> partner admin', 'admin.grantPartnerAdmin', 'en'],
  ['remove partner admin <at>Alice</at>', 'admin.revokePartnerAdmin', 'en'],
  ['list admins', 'admin.listAdmins', 'en'],
  ['audit log', 'admin.auditLog', 'en'],
  ['stop notifications', 'notices.stop', 'en'],
  ['arrêter les notifications', 'notices.stop', 'fr'],
  ['start notifications', 'notices.start', 'en'],
  ['remind members who have not linked', 'notices.remindMembers', 'en'],
  ['my data', 'privacy.myData', 'en'],
  ['Show me my personal data', 'privacy.myData', 'en'],
  ['What data do you have about me?', 'privacy.myData', 'en'],
  ['mes données', 'privacy.myData', 'fr'],
  ['Quelles données avez-vous sur moi ?', 'privacy.myData', 'fr'],
  ['delete my data', 'privacy.deleteMyData', 'en'],
  ['Please erase my personal data', 'privacy.deleteMyData', 'en'],
  ['forget me', 'privacy.deleteMyData', 'en'],
  ['supprimer mes données', 'privacy.deleteMyData', 'fr'],
  ['Effacez mes données, s’il vous plaît', 'privacy.deleteMyData', 'fr'],
  // Questions people ask beyond the seed's FAQ
  ['How many times can I associate my MCID?', 'faq.limited', 'en'],
  ['How often can I link my certification?', 'faq.limited', 'en'],
  ['Combien de fois puis-je associer mon MCID ?', 'faq.limited', 'fr'],
  ['How many associations do I have left?', 'status', 'en'],
  ['Combien d’associations me reste-t-il ?', 'status', 'fr'],
  ['Is my MCID linked?', 'status', 'en'],
  ['Which company is my certification linked to?', 'status', 'en'],
  ['Mon MCID est-il lié ?', 'status', 'fr'],
  ['Suis-je toujours lié à Contoso ?', 'status', 'fr'],
  // The person's associations are the status, never a new link (French "associ…" must not win).
  ['show my associations', 'status', 'en'],
  ['list my associations', 'status', 'en'],
  ['my associations', 'status', 'en'],
  ['voir mes associations', 'status', 'fr'],
  ['mes associations', 'status', 'fr'],
  ['register my certifications', 'link', 'en'],
  ['oublie-moi', 'privacy.deleteMyData', 'fr'],
  ['yes', 'cardAnswer', 'en'],
  ['how do I link Partner University?', 'university.link', 'en'],
  ['how do I remove Partner University?', 'university.remove', 'en'],
  ['comment supprimer l’Université partenaire ?', 'university.remove', 'fr'],
  ['quand mes certifications apparaîtront-elles ?', 'faq.reportDelay', 'fr'],
  ['when will my certifications show up?', 'faq.reportDelay', 'en'],
  ['can I link to two companies?', 'faq.oneOrg', 'en'],
  ['how many companies can I link to?', 'faq.oneOrg', 'en'],
  ['can I link to more than one company?', 'faq.oneOrg', 'en'],
  ['I have 2 certifications in my company', null, null],
  ['puis-je lier à deux sociétés ?', 'faq.oneOrg', 'fr'],
  ['what is the 30 day rule?', 'faq.limited', 'en'],
  ['I was refused', 'faq.limited', 'en'],
  ['j’ai été refusé', 'faq.limited', 'fr'],
  ['when does my link end?', 'status', 'en'],
  ['quand ma liaison prend-elle fin ?', 'status', 'fr'],
  ['OK!', 'cardAnswer', 'en'],
  ['oui', 'cardAnswer', 'fr'],
  ['d’accord', 'cardAnswer', 'fr'],
  ['yes, link my certification', 'link', 'en'],
  ['remove my certification linked to Contoso', 'remove', 'en'],
  ['I want my certification linked to Fabrikam', 'link', 'en'],
  ['How long until I can link again?', 'status', 'en'],
  ['Combien de temps avant de pouvoir lier à nouveau ?', 'status', 'fr'],
  ['Supprimer ma certification liée à Contoso', 'remove', 'fr'],
  ['Can my admin link my certification for me?', 'faq.howLink', 'en'],
  ["Can I link someone else's certification?", 'faq.howLink', 'en'],
  ['Mon administrateur peut-il lier ma certification à ma place ?', 'faq.howLink', 'fr'],
  ['How long until my certifications show in the report?', 'faq.reportDelay', 'en'],
  ["Why don't my certifications appear in the skills report?", 'faq.reportDelay', 'en'],
  ["Pourquoi mes certifications n'apparaissent pas dans le rapport ?", 'faq.reportDelay', 'fr'],
  ['show the skills report', 'admin.report', 'en'],
  ['afficher le rapport des compétences', 'admin.report', 'fr'],
  ['How do I transfer my MCID?', 'faq.movedCompany', 'en'],
  ["J'ai un nouvel emploi", 'faq.movedCompany', 'fr'],
  ['Comment transférer ma certification vers mon nouvel employeur ?', 'faq.movedCompany', 'fr'],
  ['Thank you!', 'thanks', 'en'],
  ['Merci beaucoup !', 'thanks', 'fr'],
  ['thanks, now link my certification', 'link', 'en'],
  // Not "thanks": said beside a card waiting for its click (the card answer points to its buttons).
  ['ok', 'cardAnswer', 'en'],
  // Admins' own words for the report and the role
  ['show me the report', 'admin.report', 'en'],
  ['download the report', 'admin.report', 'en'],
  ['who is linked?', 'admin.report', 'en'],
  ['télécharger le rapport', 'admin.report', 'fr'],
  ['qui est lié ?', 'admin.report', 'fr'],
  // Counting people is the report, not the person's own limits, nor a link.
  ['how many people are linked?', 'admin.report', 'en'],
  ['combien de personnes sont liées ?', 'admin.report', 'fr'],
  ['get me the csv', 'admin.report', 'en'],
  ['download my data as csv', 'privacy.myData', 'en'],
  ['historique des modifications', 'admin.auditLog', 'fr'],
  ['make Benoit an admin', 'admin.grantPartnerAdmin', 'en'],
  ['Why am I not in the report?', 'faq.reportDelay', 'en'],
  // What an MCID is and where to find it; "what's my MCID" stays the person's status.
  ['What is an MCID?', 'faq.whatIsMcid', 'en'],
  ['What does MCID stand for?', 'faq.whatIsMcid', 'en'],
  ['Where do I find my MCID?', 'faq.whatIsMcid', 'en'],
  ['How can I find my MCID?', 'faq.whatIsMcid', 'en'],
  ['Qu’est-ce qu’un MCID ?', 'faq.whatIsMcid', 'fr'],
  ['Où trouver mon MCID ?', 'faq.whatIsMcid', 'fr'],
  ["What's my MCID?", 'status', 'en'],
  ['Quel est mon MCID ?', 'status', 'fr'],
  ['link my MCID', 'link', 'en'],
  // Erasing everything is the erasure, never the removal of the link; not being written to is the notices' switch.
  ['Delete everything you know about me', 'privacy.deleteMyData', 'en'],
  ['Effacez tout ce que vous savez sur moi', 'privacy.deleteMyData', 'fr'],
  ['unsubscribe', 'notices.stop', 'en'],
  ["Don't message me again", 'notices.stop', 'en'],
  ['Je ne veux plus recevoir de messages', 'notices.stop', 'fr'],
  ["Ne m'écrivez plus", 'notices.stop', 'fr'],
  ['Se désabonner', 'notices.stop', 'fr'],
  ["Why don't my certifications show in the report?", 'faq.reportDelay', 'en'],
  ['Pourquoi je ne suis pas dans le rapport ?', 'faq.reportDelay', 'fr'],
  // Who sees them, what CertLink keeps, and other ways of asking (found by trying phrasings people use).
  ['who can see my certifications?', 'faq.whoSees', 'en'],
  ['can my manager see my certs?', 'faq.whoSees', 'en'],
  ['qui voit mes certifications ?', 'faq.whoSees', 'fr'],
  ['mon manager peut-il voir mes certifications ?', 'faq.whoSees', 'fr'],
  ['what do you store about me?', 'privacy.myData', 'en'],
  ['que savez-vous de moi ?', 'privacy.myData', 'fr'],
  ['how do I get my certifications into the partner center report', 'faq.howLink', 'en'],
  ['comment faire apparaître mes certifications dans le rapport ?', 'faq.howLink', 'fr'],
  ['when will I be able to associate again?', 'status', 'en'],
  ['take my certification off Contoso', 'remove', 'en'],
  ['I joined Fabrikam', 'faq.movedCompany', 'en'],
  ["j'ai rejoint Fabrikam", 'faq.movedCompany', 'fr'],
  ['ok thanks', 'cardAnswer', 'en'],
  ['ça marche merci', 'cardAnswer', 'fr'],
  ['who is linked?', 'admin.report', 'en'],
  // The exams and certifications themselves; whether they are linked stays the status.
  ['show my certifications', 'certifications', 'en'],
  ['What certifications do I have?', 'certifications', 'en'],
  ['which of my certifications expire soon?', 'certifications', 'en'],
  ['when does my certification expire?', 'certifications', 'en'],
  ['my certs', 'certifications', 'en'],
  ['show me all my exams', 'certifications', 'en'],
  ['mes certifications', 'certifications', 'fr'],
  ['Quelles certifications ai-je ?', 'certifications', 'fr'],
  ['voir mes examens', 'certifications', 'fr'],
  ['quand expire ma certification ?', 'certifications', 'fr'],
  ['quelles certifications expirent bientôt ?', 'certifications', 'fr'],
  ['is my certification still linked?', 'status', 'en'],
  ['ma certification est-elle liée ?', 'status', 'fr'],
  // Ending the link, switching, and one's own MCID, in other words
  ['cancel my link', 'remove', 'en'],
  ['I want to end my association', 'remove', 'en'],
  ["I don't want to be linked anymore", 'remove', 'en'],
  ['when does my association end?', 'status', 'en'],
  ['arrêter la liaison', 'remove', 'fr'],
  ['je ne veux plus être lié', 'remove', 'fr'],
  ['move my certification to Fabrikam', 'faq.movedCompany', 'en'],
  ['change my organization', 'faq.movedCompany', 'en'],
  ["what's my MCID?", 'status', 'en'],
  ['quel est mon MCID ?', 'status', 'fr'],
  ['où en suis-je ?', 'status', 'fr'],
  ['switch off notifications', 'notices.stop', 'en'],
  ['switch on notifications', 'notices.start', 'en'],
  ['what is the weather', null, null],
  ['', null, null],
  ['x'.repeat(5000), null, null],
];

describe('intent recognition (English and French, tolerant of wording and case)', () => {
  for (const [text, intent, language] of cases) {
    it(`"${text.slice(0, 60)}" → ${intent ?? 'nothing'}`, () => {
      const got = recognizeIntent(text);
      assert.equal(got.intent, intent);
      assert.equal(got.language, language);
    });
  }
});

describe('the phrases the README tells people to say', () => {
  const readme = readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
  // The first column of the "say" tables: phrases in "quotes" or « guillemets ».
  const phrases = readme
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| say ') && /^\| [^|]*["«]/.test(line))
    .flatMap((line) => [...line.split('|')[1].matchAll(/"([^"]+)"|«\s*([^»]+?)\s*»/g)].map((m) => m[1] ?? m[2]));

  it('finds them (both tables, both languages)', () => {
    assert.ok(phrases.length >= 25, `${phrases.length} phrases found`);
    assert.ok(phrases.includes('lier ma certification') && phrases.includes('audit log'));
  });
  for (const phrase of phrases) {
    it(`understands "${phrase}"`, () => assert.notEqual(recognizeIntent(phrase).intent, null));
  }
});

describe('the phrases the help cards tell people to say', () => {
  // Every "quoted" or « guillemets » phrase of the help texts, in both languages.
  const helpTexts = (['en', 'fr'] as const).flatMap((locale) => [
    ...Object.entries({ en, fr }[locale])
      .filter(([key]) => key.startsWith('help'))
      .map(([, text]) => text),
  ]);
  const phrases = helpTexts.flatMap((text) => [...text.matchAll(/"([^"]+)"|«\s*([^»]+?)\s*»/g)].map((m) => m[1] ?? m[2]));

  it('finds them', () => {
    assert.ok(phrases.length >= 20, `${phrases.length} phrases found`);
    assert.ok(phrases.includes('what is an MCID?') && phrases.includes('qu’est-ce qu’un MCID ?'));
  });
  for (const phrase of phrases) {
    it(`understands "${phrase}"`, () => assert.notEqual(recognizeIntent(phrase).intent, null));
  }
});
