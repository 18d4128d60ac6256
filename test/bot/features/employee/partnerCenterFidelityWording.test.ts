/**
 * Partner Center fidelity, the wording: the refusal with the configured limits, the empty report,
 * a refusal card that keeps the refusal, dates by language and Teams region, "per year", and the
 * link card counting what counts. (Removal, support and Partner University: partnerCenterFidelityAccess.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { AssociationLimits } from '../../../../services/association/types';
import { ManualClock } from '../../../../services/clock';
import { button, buttons, makeHarness, people, textOf } from '../../../support/conversationHarness';

type Harness = Awaited<ReturnType<typeof makeHarness>>;

async function linkMcid(h: Harness, who = people.alice): Promise<void> {
  await h.click(who, button(await h.say(who, 'link my certification'), 'link.confirm'));
}

describe('Partner Center fidelity: the refusal sentence never contradicts the configured limits', () => {
  async function refusal(limits: AssociationLimits | undefined, locale: string, at = '2026-01-15T10:00:00Z'): Promise<string> {
    const h = await makeHarness({ limits });
    await linkMcid(h, people.hugoAtContoso);
    h.clock.set(at);
    return textOf(await h.say(people.hugoAtFabrikam, locale === 'fr-FR' ? 'lier ma certification' : 'link my certification', { locale }));
  }

  it('quotes Partner Center word for word with the default limits, in both languages', async () => {
    assert.match(await refusal(undefined, 'en-US'), /However, we require a period of 30 days between associations\. Your next available date/);
    assert.match(await refusal(undefined, 'fr-FR'), /Toutefois, nous exigeons une période de 30 jours entre chaque association\. La prochaine date disponible/);
  });

  it('with LIMIT_COOLDOWN_DAYS=45 says 45 days everywhere on the card, in both languages', async () => {
    const limits = { maxPerWindow: 3, windowDays: 365, windowKind: 'year' as const, cooldownDays: 45 };
    const en = await refusal(limits, 'en-US');
    assert.match(en, /we require a period of 45 days between associations/);
    assert.match(en, /45 days must pass/);
    assert.doesNotMatch(en, /30 days/);
    const fr = await refusal(limits, 'fr-FR');
    assert.match(fr, /nous exigeons une période de 45 jours entre chaque association/);
    assert.match(fr, /45 jours doivent s’écouler/);
    assert.doesNotMatch(fr, /30 jours/);
  });

  it('with LIMIT_COOLDOWN_DAYS=1 says "1 day", and with no cooldown says no period at all', async () => {
    assert.match(await refusal({ maxPerWindow: 3, windowDays: 365, windowKind: 'year', cooldownDays: 1 }, 'en-US', '2026-01-05T18:00:00Z'), /a period of 1 day between associations/);
    // No cooldown: only the yearly limit can refuse, so fill it.
    const h = await makeHarness({ limits: { maxPerWindow: 1, windowDays: 365, windowKind: 'year', cooldownDays: 0 } });
    await linkMcid(h, people.hugoAtContoso);
    for (const [locale, phrase] of [
      ['en-US', 'link my certification'],
      ['fr-FR', 'lier ma certification'],
    ] as const) {
      const text = textOf(await h.say(people.hugoAtFabrikam, phrase, { locale }));
      assert.match(
        text,
        locale === 'en-US' ? /You have attempted to associate with a partner organization\. Your next available date/ : /Vous avez tenté de vous associer à une organisation partenaire\. La prochaine date disponible/,
      );
      assert.doesNotMatch(text, /period of|période de/);
    }
  });
});

describe('Partner Center fidelity: the empty report reads as Partner Center’s own words', () => {
  it('in English and French, word for word', async () => {
    const h = await makeHarness();
    assert.ok(
      textOf(await h.say(people.contosoAdmin, 'skills report')).includes('No users found with skills data. Check to see whether users have associated their Learning or Partner University accounts with their profiles.'),
    );
    assert.ok(
      textOf(await h.say(people.contosoAdmin, 'rapport des compétences', { locale: 'fr-FR' })).includes(
        "Aucun utilisateur n'a été trouvé avec des données de qualifications. Vérifiez si les utilisateurs ont associé leurs comptes Learning ou Université partenaire à leurs profils.",
      ),
    );
  });
});

describe('Partner Center fidelity: a refusal card keeps the refusal', () => {
  for (const [locale, phrase, r4, planned] of [
    ['en-US', 'link my certification', /You have attempted to associate with a partner organization\./, /I will tell you here on/],
    ['fr-FR', 'lier ma certification', /Vous avez tenté de vous associer à une organisation partenaire\./, /Je vous préviendrai ici le/],
  ] as const) {
    it(`with the notice planned, says so and shows no "Notify me" (${locale})`, async () => {
      const h = await makeHarness();
      await linkMcid(h, people.hugoAtContoso);
      const refused = await h.say(people.hugoAtFabrikam, phrase, { locale });
      assert.match(textOf(refused), r4);
      assert.match(textOf(refused), planned);
      assert.deepEqual(buttons(refused), []);
    });

    it(`"Notify me" on a refusal whose notice could not be planned answers with the refusal and the notice (${locale})`, async () => {
      const h = await makeHarness();
      await linkMcid(h, people.hugoAtContoso);
      const original = h.notices.scheduler.schedule.bind(h.notices.scheduler);
      h.notices.scheduler.schedule = () => Promise.reject(new Error('queue down'));
      const refused = await h.say(people.hugoAtFabrikam, phrase, { locale });
      h.notices.scheduler.schedule = original;
      const titles = buttons(refused).map((b) => b.title);
      const clicked = (await h.click(people.hugoAtFabrikam, button(refused, 'notices.notifyMe'), { locale })).body;
      const after = textOf(clicked);
      for (const line of textOf(refused)
        .split('\n')
        .filter((l) => !titles.includes(l)))
        assert.ok(after.includes(line), `"${line}" was lost:\n${after}`);
      assert.match(after, planned);
      assert.equal(buttons(clicked).length, 0, 'nothing left to press');
    });
  }

  it('"Notify me" on the status card keeps the status, in both languages', async () => {
    const h = await makeHarness();
    await linkMcid(h);
    for (const [locale, phrase] of [
      ['en-US', 'status'],
      ['fr-FR', 'statut'],
    ] as const) {
      const status = await h.say(people.alice, phrase, { locale });
      const after = textOf((await h.click(people.alice, button(status, 'notices.notifyMe'), { locale })).body);
      assert.match(after, locale === 'en-US' ? /MCID 10203040 is linked to Contoso[^]*What blocks it now[^]*I will tell you here/ : /MCID 10203040 est lié à Contoso[^]*Ce qui bloque[^]*[Jj]e vous préviendrai ici/);
    }
  });
});

describe('Partner Center fidelity: dates read as a person of that language writes them', () => {
  it('French: « est le 4 février 2026 (UTC). » on the refusal and the status card alike, « 1er » for a first day', async () => {
    const h = await makeHarness();
    await linkMcid(h, people.hugoAtContoso);
    h.clock.set('2026-01-15T10:00:00Z');
    const refused = textOf(await h.say(people.hugoAtFabrikam, 'lier ma certification', { locale: 'fr-FR' }));
    assert.match(refused, /La prochaine date disponible pour une association est le 4 février 2026 \(UTC\)\./);
    const status = textOf(await h.say(people.hugoAtContoso, 'statut', { locale: 'fr-FR' }));
    assert.match(status, /La prochaine date disponible pour une association est le 4 février 2026 \(UTC\)\./);
    const h2 = await makeHarness({ clock: new ManualClock('2026-01-30T09:00:00Z') });
    await linkMcid(h2);
    assert.match(textOf(await h2.say(people.alice, 'statut', { locale: 'fr-FR' })), /est le 1er mars 2026 \(UTC\)\./);
  });

  it('English follows the Teams locale: en-US "February 4, 2026", en-GB "4 February 2026", on every card', async () => {
    const h = await makeHarness();
    await linkMcid(h, people.hugoAtContoso);
    h.clock.set('2026-01-15T10:00:00Z');
    const us = textOf(await h.say(people.hugoAtFabrikam, 'link my certification', { locale: 'en-US' }));
    assert.match(us, /subsequent association is February 4, 2026 \(UTC\)\./);
    assert.match(us, /I will tell you here on February 4, 2026 \(UTC\)/);
    const gb = textOf(await h.say(people.hugoAtFabrikam, 'link my certification', { locale: 'en-GB' }));
    assert.match(gb, /subsequent association is 4 February 2026 \(UTC\)\./);
    assert.match(textOf(await h.say(people.hugoAtContoso, 'status', { locale: 'en-GB' })), /linked to Contoso since 5 January 2026 \(UTC\)[^]*is 4 February 2026 \(UTC\)/);
    assert.match(textOf(await h.say(people.hugoAtContoso, 'status', { locale: 'en-US' })), /linked to Contoso since January 5, 2026 \(UTC\)[^]*is February 4, 2026 \(UTC\)/);
  });

  it('the admins’ report card follows the Teams locale too', async () => {
    const h = await makeHarness();
    assert.match(textOf(await h.say(people.contosoAdmin, 'skills report', { locale: 'en-US' })), /January 5, 2026 \(UTC\)/);
    assert.match(textOf(await h.say(people.contosoAdmin, 'skills report', { locale: 'en-GB' })), /5 January 2026 \(UTC\)/);
    assert.match(textOf(await h.say(people.contosoAdmin, 'rapport des compétences', { locale: 'fr-FR' })), /Au 5 janvier 2026 \(UTC\)/);
  });
});

describe('Partner Center fidelity: "per year" is decided and said', () => {
  it('by default a place frees on the same date one year later, and the status card says so, in both languages', async () => {
    const h = await makeHarness({ clock: new ManualClock('2027-03-10T09:00:00Z') });
    await linkMcid(h, people.hugoAtContoso);
    h.clock.set('2027-05-01T09:00:00Z');
    await linkMcid(h, people.hugoAtFabrikam);
    h.clock.set('2027-07-01T09:00:00Z');
    await linkMcid(h, people.hugoAtContoso);
    const en = textOf(await h.say(people.hugoAtContoso, 'status', { locale: 'en-GB' }));
    assert.match(en, /next available date for an association is 10 March 2028 \(UTC\)/);
    assert.match(en, /Each association counts for a year: its place frees up on the same date one year later/);
    const fr = textOf(await h.say(people.hugoAtContoso, 'statut', { locale: 'fr-FR' }));
    assert.match(fr, /est le 10 mars 2028 \(UTC\)\./);
    assert.match(fr, /sa place se libère à la même date un an plus tard/);
  });

  it('with LIMIT_WINDOW_KIND=rolling the 365 days are kept and said, in both languages', async () => {
    const h = await makeHarness({ clock: new ManualClock('2027-03-10T09:00:00Z'), limits: { maxPerWindow: 3, windowDays: 365, windowKind: 'rolling', cooldownDays: 30 } });
    await linkMcid(h, people.hugoAtContoso);
    h.clock.set('2027-05-01T09:00:00Z');
    await linkMcid(h, people.hugoAtFabrikam);
    h.clock.set('2027-07-01T09:00:00Z');
    await linkMcid(h, people.hugoAtContoso);
    const en = textOf(await h.say(people.hugoAtContoso, 'status', { locale: 'en-GB' }));
    assert.match(en, /next available date for an association is 9 March 2028 \(UTC\)/);
    assert.match(en, /Each association counts for 365 days/);
    assert.match(textOf(await h.say(people.hugoAtContoso, 'statut', { locale: 'fr-FR' })), /Chaque association compte pendant 365 jours/);
  });
});

describe('Partner Center fidelity: the link card counts what counts', () => {
  it('counts only what is valid on the link date, says which are exams, and names the expired ones apart, in both languages', async () => {
    const h = await makeHarness();
    // Alice's profile: AZ-204 is an exam, AZ-400 expired before the link date, two certifications are current.
    const en = await h.say(people.alice, 'link my certification', { locale: 'en-GB' });
    const text = textOf(en);
    assert.match(text, /Valid today, these will count for Contoso: 2 certifications and 1 exam\./);
    assert.match(text, /Expired, so not counted: AZ-400\./);
    assert.doesNotMatch(text, /\(4\)/);
    assert.match(text, /AZ-204\n[^\n]*\(exam\)/);
    const facts = JSON.stringify(en);
    assert.ok(!/"title":"AZ-400"/.test(facts), 'the expired one is not among what counts');
    const fr = textOf(await h.say(people.alice, 'lier ma certification', { locale: 'fr-FR' }));
    assert.match(fr, /Valides aujourd’hui, compteront pour Contoso : 2 certifications et 1 examen\./);
    assert.match(fr, /Expirées, donc non comptées : AZ-400\./);
    assert.match(fr, /\(examen\)/);
  });

  it('says that nothing will count when nothing is valid on the link date', async () => {
    // David's two certifications both expire, the last on 3 December 2027.
    const david = { userId: 'aad-david', tenantId: people.alice.tenantId, email: 'david@contoso.com', name: 'David' };
    const h = await makeHarness({ clock: new ManualClock('2028-01-10T09:00:00Z'), memberEmail: { emailOf: async () => david.email } });
    const text = textOf(await h.say(david, 'link my certification'));
    assert.match(text, /Nothing on your profile is valid today, so nothing will count for Contoso yet\./);
    assert.match(text, /Expired, so not counted: [A-Z]{2}-\d{3}, [A-Z]{2}-\d{3}\./);
    assert.match(textOf(await h.say(david, 'lier ma certification', { locale: 'fr-FR' })), /Rien sur votre profil n’est valide aujourd’hui : rien ne comptera encore pour Contoso\./);
  });
});
