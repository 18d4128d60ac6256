/**
 * The attack: a Fabrikam account whose Teams email reads alice@contoso.com (its tenant's admin can
 * set any email on it) while its sign-in name (UPN) is mallory@fabrikam.com tries to move Alice's
 * MCID from Contoso to Fabrikam with the one-click email shortcut, and to read Alice's profile. The
 * email proves nothing (neither the account's UPN nor in a domain Fabrikam lists): no one-click
 * link, no data of Alice's, the sign-in proof is asked for in the person's language, and the store
 * is unchanged. Hugo's own move from Contoso to Fabrikam with his new work account stays one click,
 * and his Contoso account is told, in its language, that the MCID moved away.
 */
import { strict as assert } from 'node:assert';
import type { Turn } from '../../../bot/runtime/turn';
import type { MemberLookup, TeamsPerson } from '../../../bot/teams/memberEmail';
import { ManualClock } from '../../../services/clock';
import { button, buttons, FABRIKAM_TENANT, makeHarness, people, Person, textOf } from '../../support/conversationHarness';
import { waitFor } from '../../support/notices/waitFor';

const mallory: Person = { userId: 'aad-mallory-fabrikam', tenantId: FABRIKAM_TENANT, email: 'alice@contoso.com', name: 'Mallory' };
const malloryAccount: TeamsPerson = { email: 'alice@contoso.com', upn: 'mallory@fabrikam.com', guest: false };

function membersAs(overrides: Map<string, TeamsPerson>): MemberLookup {
  const byId = new Map(Object.values(people).map((p) => [p.userId, p.email]));
  return {
    async personOf(turn: Turn) {
      const id = turn.activity.from?.aadObjectId ?? '';
      const email = byId.get(id) ?? null;
      return overrides.get(id) ?? { email, upn: email, guest: false };
    },
  };
}

async function aliceLinked(oauthConnectionName = '') {
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const h = await makeHarness({ clock, oauthConnectionName, members: membersAs(new Map([[mallory.userId, malloryAccount]])) });
  await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
  // Long enough for a switch to be allowed by the limits: only the proof stands in the way.
  clock.advanceDays(40);
  return { h, clock, record: await h.associationStore.getRecord('10203040') };
}

describe('security: an MCID never moves on an unproven Teams email', () => {
  it("offers a Fabrikam account reading alice@contoso.com no one-click link of Alice's MCID, and changes nothing", async () => {
    const { h, record } = await aliceLinked();
    assert.equal(record?.link?.mpnId, '1234567');
    const reply = await h.say(mallory, 'link my certification');
    const text = textOf(reply);
    assert.doesNotMatch(text, /10203040|Link MCID/);
    assert.ok(!buttons(reply).some((b) => b.verb === 'link.confirm'), 'no Confirm');
    // Sign-in is not configured here: what to do instead.
    assert.match(text, /Your Teams email \(alice@contoso\.com\) is not the sign-in name of your work account, and Fabrikam does not list its domain/);
    assert.match(text, /Ask your CertLink administrator to list your email domain for Fabrikam/);
    assert.match(textOf(await h.say(mallory, 'lier ma certification', { locale: 'fr-FR' })), /Votre adresse Teams \(alice@contoso\.com\) n’est pas l’identifiant de connexion/);
    // Nor may it read Alice's profile, status or data.
    for (const ask of ['status', 'my certifications', 'my data', 'link Partner University']) {
      assert.doesNotMatch(textOf(await h.say(mallory, ask)), /10203040|AZ-104|Martin|alice@contoso\.com/, ask);
    }
    assert.deepEqual(await h.associationStore.getRecord('10203040'), record, 'the record is as it was');
    assert.equal(await h.services.associations.recordOfPerson(FABRIKAM_TENANT, mallory.userId), null);
    assert.equal(h.sentNotices.length, 0, 'nothing to tell Alice: nothing happened');
  });

  it('asks for the sign-in proof instead when sign-in is configured, in both languages', async () => {
    const { h, record } = await aliceLinked('learn');
    const en = await h.say(mallory, 'link my certification');
    assert.match(textOf(en), /does not prove which certification profile is yours\. Sign in with the Microsoft Learning account your certification profile belongs to\./);
    assert.deepEqual(
      buttons(en).map((b) => b.verb),
      ['link.signIn'],
    );
    const fr = await h.say(mallory, 'lier ma certification', { locale: 'fr-FR' });
    assert.match(textOf(fr), /Connectez-vous avec le compte Microsoft Learning auquel appartient votre profil de certification\./);
    assert.deepEqual(await h.associationStore.getRecord('10203040'), record);
  });

  it('keeps the move from company A to company B one click with the new work account, and tells the old account in its language', async () => {
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const h = await makeHarness({ clock });
    await h.say(people.hugoAtContoso, 'aide', { locale: 'fr-FR' }); // his Contoso chat is in French
    await h.click(people.hugoAtContoso, button(await h.say(people.hugoAtContoso, 'link my certification', { locale: 'fr-FR' }), 'link.confirm'));
    clock.advanceDays(31);
    const card = await h.say(people.hugoAtFabrikam, 'link my certification');
    const confirm = button(card, 'link.confirm');
    assert.equal(confirm.title, 'Link with hugo.bernard@fabrikam.com');
    assert.match(textOf(card), /This ends your link to Contoso in the same step/);
    assert.match(textOf((await h.click(people.hugoAtFabrikam, confirm)).body), /Linked to Fabrikam/);
    assert.equal((await h.associationStore.getRecord('10210817'))?.link?.mpnId, '7654321');
    await waitFor(() => h.sentNotices.length > 0, 'the notice to his Contoso account');
    const [told] = h.sentNotices;
    assert.equal(told.ref.userId, people.hugoAtContoso.userId);
    assert.match(textOf(told.card.content), /Le MCID 10210817, que ce compte avait lié à Contoso, est maintenant lié à Fabrikam par un autre compte/);
  });

  it('takes an email in a domain the organization lists as proof, even when the sign-in name differs', async () => {
    const benoit = people.benoit;
    const h = await makeHarness({ members: membersAs(new Map([[benoit.userId, { email: 'benoit@contoso.com', upn: 'benoit@contoso.onmicrosoft.com', guest: false }]])) });
    const card = await h.say(benoit, 'link my certification');
    assert.equal(button(card, 'link.confirm').title, 'Link with benoit@contoso.com');
  });

  it('tells the account an MCID was taken over from, by someone who proved it theirs by signing in', async () => {
    const fakeJwt = (claims: Record<string, string>) => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${part({ alg: 'none' })}.${part(claims)}.sig`;
    };
    const h = await makeHarness({ oauthConnectionName: 'learn', memberEmail: { emailOf: async (turn: Turn) => (turn.activity.from?.aadObjectId === people.bob.userId ? 'bob@contoso.com' : 'benoit@contoso.com') } });
    await h.click(people.benoit, button(await h.say(people.benoit, 'link my certification'), 'link.confirm'));
    h.adapter.addUserToken('learn', 'msteams', `29:${people.bob.userId}`, fakeJwt({ preferred_username: 'benoit@contoso.com' }), '123456');
    await h.click(people.bob, button(await h.say(people.bob, 'link my certification'), 'link.signIn'));
    const confirm = await h.say(people.bob, '123456');
    assert.match(textOf((await h.click(people.bob, button(confirm, 'link.confirm'))).body), /it is now linked to you in Contoso/);
    await waitFor(() => h.sentNotices.length > 0, 'the notice to the account it was taken from');
    assert.equal(h.sentNotices[0].ref.userId, people.benoit.userId);
    assert.match(textOf(h.sentNotices[0].card.content), /MCID 10204151, which this account linked to Contoso, is now linked to another account of Contoso, which proved by signing in/);
  });
});
