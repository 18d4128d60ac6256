import { strict as assert } from 'node:assert';
import { en } from '../../../services/i18n/en';
import { fr } from '../../../services/i18n/fr';
import { say } from '../../../services/i18n/say';

describe('say: one catalogue per language, one accessor', () => {
  it('has the same keys in both languages (the type holds fr.ts to en.ts; this holds the build to it)', () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  });

  it('fills values as plain text, and leaves a placeholder it was not given', () => {
    assert.equal(say('en', 'linkedBody', { mcid: '${mcid}', org: '{org}' }), 'MCID ${mcid} is now linked to {org}.');
    assert.equal(say('en', 'linkedBody', { mcid: '10203040' }), 'MCID 10203040 is now linked to {org}.');
  });

  it('picks plural forms by the language’s rules: one and other in English, 0 and 1 both singular in French', () => {
    assert.equal(say('en', 'statusUsed', { used: 0, max: 1 }), '0 of 1 association used.');
    assert.equal(say('en', 'statusUsed', { used: 2, max: 3 }), '2 of 3 associations used.');
    assert.equal(say('en', 'catSessionWhy', { days: 1 }), 'Cards waiting for your click and a sign-in in progress, kept at most 1 day.');
    assert.equal(say('fr', 'catSessionWhy', { days: 1 }), 'Cartes en attente de votre clic et connexion en cours, conservées au plus 1 jour.');
    assert.equal(say('fr', 'catSessionWhy', { days: 30 }), 'Cartes en attente de votre clic et connexion en cours, conservées au plus 30 jours.');
  });

  it('keeps Partner Center’s refusal word for word (R4) with its 30 days', () => {
    assert.equal(
      say('en', 'refusalR4', { date: '4 February 2026 (UTC)', cooldown: 30 }),
      'You have attempted to associate with a partner organization. However, we require a period of 30 days between associations. Your next available date for a subsequent association is 4 February 2026 (UTC).',
    );
    assert.equal(
      say('fr', 'refusalR4', { date: '4 février 2026 (UTC)', cooldown: 30 }),
      'Vous avez tenté de vous associer à une organisation partenaire. Toutefois, nous exigeons une période de 30 jours entre chaque association. La prochaine date disponible pour une association est le 4 février 2026 (UTC).',
    );
  });
});
