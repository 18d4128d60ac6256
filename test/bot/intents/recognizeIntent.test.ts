import { strict as assert } from 'node:assert';
import { IntentName } from '../../../bot/intents/intentPatterns';
import { recognizeIntent } from '../../../bot/intents/recognizeIntent';

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
