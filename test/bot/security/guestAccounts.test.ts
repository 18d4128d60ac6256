/**
 * The attack: a B2B guest in Contoso's tenant (Teams' member API says userRole guest, and its
 * sign-in name is of the #EXT# form) tries to link an MCID to Contoso, to read Contoso's status
 * and report, and, listed by mistake among Contoso's global admins, to act as its admin. Each is
 * refused with an explanation in the person's language, and nothing changes in the store.
 * Something that changes or shows the org's data is also refused when Teams did not confirm the
 * account at all (the member lookup failed), and a card issued before is re-checked at its click.
 */
import { strict as assert } from 'node:assert';
import type { Turn } from '../../../bot/runtime/turn';
import type { MemberLookup, TeamsPerson } from '../../../bot/teams/memberEmail';
import { button, buttons, CONTOSO_TENANT, makeHarness, people, Person, textOf } from '../../support/conversationHarness';

/** Hugo of Fabrikam, invited as a guest into Contoso's Teams. */
const guest: Person = { userId: 'aad-hugo-guest', tenantId: CONTOSO_TENANT, email: 'hugo.bernard@fabrikam.com', name: 'Hugo Bernard (Guest)' };
const guestAccount: TeamsPerson = { email: 'hugo.bernard@fabrikam.com', upn: 'hugo.bernard_fabrikam.com#EXT#@contoso.onmicrosoft.com', guest: true };

/** The member lookup, as Teams answers it for each Entra object id (a member whose UPN is their email, unless set here). */
function membersAs(overrides: Map<string, TeamsPerson | null>): MemberLookup {
  const byId = new Map(Object.values(people).map((p) => [p.userId, p.email]));
  return {
    async personOf(turn: Turn) {
      const id = turn.activity.from?.aadObjectId ?? '';
      if (overrides.has(id)) return overrides.get(id) ?? null;
      const email = byId.get(id) ?? null;
      return { email, upn: email, guest: false };
    },
  };
}

const GUEST_EN = /You are using Teams as a guest of Contoso\. CertLink links certifications, and shows reports, only for the organization you work for: link from your own organization's Teams/;
const GUEST_FR = /Vous utilisez Teams en tant qu’invité de Contoso\. .*liez depuis le Teams de votre propre organisation/;

describe('security: a guest (B2B) account acts for no organization', () => {
  it('refuses a guest the link, in English and French, offers no card, and changes nothing', async () => {
    const overrides = new Map<string, TeamsPerson | null>([[guest.userId, guestAccount]]);
    const h = await makeHarness({ members: membersAs(overrides), oauthConnectionName: 'learn' });
    const before = await h.associationStore.getRecord('10210817');
    const en = await h.say(guest, 'link my certification');
    assert.match(textOf(en), GUEST_EN);
    assert.deepEqual(buttons(en), [], 'no Confirm, no sign-in');
    const fr = await h.say(guest, 'lier ma certification', { locale: 'fr-FR' });
    assert.match(textOf(fr), GUEST_FR);
    for (const ask of ['status', 'my certifications', 'remove my certification', 'link Partner University']) {
      const reply = await h.say(guest, ask);
      assert.match(textOf(reply), GUEST_EN, ask);
      assert.doesNotMatch(textOf(reply), /10210817/, ask);
    }
    assert.deepEqual(await h.associationStore.getRecord('10210817'), before);
    assert.equal(await h.services.associations.recordOfPerson(CONTOSO_TENANT, guest.userId), null);
    // What reads nothing of the organization still answers: help, and one's own data.
    assert.match(textOf(await h.say(guest, 'help')), /link my certification/i);
    assert.doesNotMatch(textOf(await h.say(guest, 'my data')), /guest of Contoso/);
  });

  it('re-checks a card at its click: a Confirm issued while the account looked like a member links nothing once Teams says guest', async () => {
    const overrides = new Map<string, TeamsPerson | null>();
    const h = await makeHarness({ members: membersAs(overrides) });
    const hugo = people.hugoAtContoso;
    const card = await h.say(hugo, 'link my certification');
    const confirm = button(card, 'link.confirm');
    overrides.set(hugo.userId, { email: hugo.email, upn: 'hugo_contoso.com#EXT#@contoso.onmicrosoft.com', guest: true });
    const clicked = await h.click(hugo, confirm);
    assert.match(textOf(clicked.body), GUEST_EN);
    assert.equal(await h.associationStore.getRecord('10210817'), null, 'nothing linked');
  });

  it('gives no admin role to a guest, even one listed among the global admins in ORGS_FILE', async () => {
    const admin = people.contosoAdmin;
    const overrides = new Map<string, TeamsPerson | null>([[admin.userId, { email: 'admin@fabrikam.com', upn: 'admin_fabrikam.com#EXT#@contoso.onmicrosoft.com', guest: true }]]);
    const h = await makeHarness({ members: membersAs(overrides) });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    const record = await h.associationStore.getRecord('10203040');
    const channel = { conversationType: 'channel' as const, conversationId: '19:general@thread.tacv2' };
    for (const ask of ['skills report', 'audit log', 'list admins', 'remove alice@contoso.com from the report', 'remind members who have not linked']) {
      for (const where of [{}, channel]) {
        const reply = await h.say(admin, ask, where);
        const text = textOf(reply);
        assert.match(text, GUEST_EN, ask);
        assert.doesNotMatch(text, /10203040|Alice|Martin|download/i, ask);
        assert.deepEqual(buttons(reply), [], ask);
      }
    }
    assert.deepEqual(await h.associationStore.getRecord('10203040'), record, 'Alice is still linked');
    assert.equal(h.sentNotices.length, 0, 'no download links, no reminders sent anywhere');
  });

  it('changes or shows nothing of the organization when Teams did not confirm the account (the member lookup failed)', async () => {
    const overrides = new Map<string, TeamsPerson | null>();
    const h = await makeHarness({ members: membersAs(overrides) });
    const card = await h.say(people.alice, 'link my certification');
    const confirm = button(card, 'link.confirm');
    overrides.set(people.alice.userId, null);
    overrides.set(people.contosoAdmin.userId, null);
    const clicked = await h.click(people.alice, confirm);
    assert.match(textOf(clicked.body), /I could not confirm your account with Teams just now, so nothing was changed/);
    assert.equal(await h.associationStore.getRecord('10203040'), null);
    const report = await h.say(people.contosoAdmin, 'rapport des compétences', { locale: 'fr-FR' });
    assert.match(textOf(report), /Je n’ai pas pu confirmer votre compte auprès de Teams/);
    // Reading one's own status does not need it: a person whose lookup failed is told they have no profile found.
    assert.doesNotMatch(textOf(await h.say(people.alice, 'status')), /confirm your account/);
  });
});
