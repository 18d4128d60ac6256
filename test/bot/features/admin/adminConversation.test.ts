import { strict as assert } from 'node:assert';
import { Activity } from 'botbuilder';
import { button, makeHarness, people, Person, textOf } from '../../../support/conversationHarness';
import { waitFor } from '../../../support/notices/waitFor';

const R10 = 'No users found with skills data. Check to see whether users have associated their Learning or Partner University accounts with their profiles.';

/** A channel message that @mentions the bot and, optionally, a person. */
function channel(): { conversationType: 'channel'; conversationId: string; entities?: Activity['entities'] } {
  return { conversationType: 'channel', conversationId: '19:general@thread.tacv2' };
}

async function linkAs(h: Awaited<ReturnType<typeof makeHarness>>, person: Person): Promise<void> {
  const out = await h.click(person, button(await h.say(person, 'link my certification'), 'link.confirm'));
  assert.match(textOf(out.body), /Linked to/);
}

/** The URLs of a card's Action.OpenUrl buttons. */
function openUrls(card: unknown): string[] {
  const actions = ((card as { actions?: { type: string; url?: string }[] } | undefined)?.actions ?? []).filter((a) => a.type === 'Action.OpenUrl');
  return actions.map((a) => a.url ?? '');
}

function mentionEntities(person: Person, name: string): Partial<Activity> {
  return {
    entities: [
      { type: 'mention', mentioned: { id: '28:certlink', name: 'CertLink' }, text: '<at>CertLink</at>' },
      { type: 'mention', mentioned: { id: `29:${person.userId}`, name }, text: `<at>${name}</at>` },
    ],
  };
}

describe('admin conversation (R7, R10)', () => {
  it('gives the R10 message when nobody is linked, then the report card with counts and downloads', async () => {
    const h = await makeHarness();
    assert.ok(textOf(await h.say(people.contosoAdmin, 'skills report')).includes(R10));
    await linkAs(h, people.alice);
    await linkAs(h, people.benoit);
    const card = await h.say(people.contosoAdmin, 'skills report');
    const text = textOf(card);
    assert.match(text, /Contoso/);
    assert.match(text, /\b2\b/);
    const urls = openUrls(card[0].attachments?.[0].content);
    assert.equal(urls.length, 2);
    assert.ok(
      urls.every((u) => u.startsWith('https://certlink.example.test/download/report?') && u.includes('org=1234567') && u.includes(`by=${people.contosoAdmin.userId}`)),
      urls.join(' '),
    );
  });

  it("never posts a download link in a channel: the links go to the admin's personal chat, and the card says so", async () => {
    const h = await makeHarness();
    await linkAs(h, people.alice);
    // Asked in a channel before CertLink can reach the admin in a personal chat: nowhere to send them.
    const before = await h.say(people.contosoAdmin, '<at>CertLink</at> skills report', channel());
    assert.deepEqual(openUrls(before[0].attachments?.[0].content), []);
    assert.doesNotMatch(JSON.stringify(before), /\/download\//);
    assert.match(textOf(before), /say "skills report" in your personal chat with CertLink, or open the Skills report tab/);
    assert.equal(h.sentNotices.length, 0);

    await h.say(people.contosoAdmin, 'help'); // the admin's personal chat: CertLink can reach them there from now on
    for (const [ask, path] of [
      ['<at>CertLink</at> skills report', '/download/report?'],
      ['<at>CertLink</at> audit log', '/download/audit?'],
    ] as const) {
      const shared = await h.say(people.contosoAdmin, ask, channel());
      assert.deepEqual(openUrls(shared[0].attachments?.[0].content), [], ask);
      assert.doesNotMatch(JSON.stringify(shared), /\/download\//, ask);
      assert.match(textOf(shared), /The CSV and Excel downloads are in your personal chat with CertLink/, ask);
      await waitFor(() => h.sentNotices.length > 0, 'the downloads in the personal chat');
      const sent = h.sentNotices.pop();
      assert.equal(sent?.ref.userId, people.contosoAdmin.userId);
      assert.equal(sent?.ref.conversationId, `conv-${people.contosoAdmin.userId}-personal`, 'to the personal chat, not the channel');
      const urls = openUrls(sent?.card.content);
      assert.equal(urls.length, 2, ask);
      assert.ok(
        urls.every((u) => u.includes(path) && u.includes(`by=${people.contosoAdmin.userId}`)),
        urls.join(' '),
      );
    }
    // A group chat is shared too.
    const group = await h.say(people.contosoAdmin, 'skills report', { conversationType: 'groupChat', conversationId: '19:group@thread.v2' });
    assert.deepEqual(openUrls(group[0].attachments?.[0].content), []);
  });

  it('renders the report card in French for « rapport des compétences »', async () => {
    const h = await makeHarness();
    await linkAs(h, people.alice);
    const fr = textOf(await h.say(people.contosoAdmin, 'rapport des compétences', { locale: 'fr-FR' }));
    assert.match(fr, /Télécharger/);
    assert.doesNotMatch(fr, /Download/);
  });

  it('refuses a non-admin politely, says who can help, and names no data', async () => {
    const h = await makeHarness();
    await linkAs(h, people.alice);
    for (const ask of ['skills report', 'audit log', 'list admins', 'remove alice@contoso.com from the report']) {
      const text = textOf(await h.say(people.benoit, ask));
      assert.match(text, /global admin/i, ask);
      assert.doesNotMatch(text, /alice|10203040|Martin/i, ask);
    }
  });

  it('a global admin grants, then revokes, the partner admin role by @mention', async () => {
    const h = await makeHarness();
    assert.match(textOf(await h.say(people.benoit, 'skills report')), /global admin/i);
    const granted = await h.raw(h.activity(people.contosoAdmin, { type: 'message', text: 'make <at>Benoît</at> partner admin', ...mentionEntities(people.benoit, 'Benoît') }, {}));
    assert.match(textOf(granted), /Benoît is now a partner admin of Contoso/);
    assert.ok(textOf(await h.say(people.benoit, 'skills report')).includes(R10));
    // Names from the member lookup of the conversation, at display time; an id nobody can name stays an id.
    const list = textOf(await h.say(people.contosoAdmin, 'list admins'));
    assert.match(list, /Global admins\n• Contoso Admin\nPartner admins\n• Benoît Lefèvre/);
    const unnamed = await makeHarness({ memberNames: { namesOf: async () => new Map() } });
    assert.ok(textOf(await unnamed.say(people.contosoAdmin, 'list admins')).includes(people.contosoAdmin.userId));
    // A partner admin cannot grant roles.
    const byPartner = await h.raw(h.activity(people.benoit, { type: 'message', text: 'make <at>Alice</at> partner admin', ...mentionEntities(people.alice, 'Alice') }, {}));
    assert.match(textOf(byPartner), /global admin/i);
    const revoked = await h.raw(h.activity(people.contosoAdmin, { type: 'message', text: 'remove partner admin <at>Benoît</at>', ...mentionEntities(people.benoit, 'Benoît') }, {}));
    assert.match(textOf(revoked), /Benoît is no longer a partner admin of Contoso/);
    assert.match(textOf(await h.say(people.benoit, 'skills report')), /global admin/i);
  });

  it('removes a departed person after a confirmation: gone from the next report, kept in the audit', async () => {
    const notified: string[] = [];
    const h = await makeHarness({ notifier: { notify: async (_t, userId, text) => (notified.push(`${userId}: ${text('en')}`), true) } });
    await linkAs(h, people.alice);
    const confirm = await h.say(people.contosoAdmin, 'remove alice@contoso.com from the report');
    assert.match(textOf(confirm), /Alice Martin/);
    assert.equal((await h.associationStore.getRecord('10203040'))?.link?.mpnId, '1234567', 'nothing changes before the click');
    const done = await h.click(people.contosoAdmin, button(confirm, 'admin.remove.confirm'));
    assert.match(textOf(done.body), /Alice Martin/);
    const record = await h.associationStore.getRecord('10203040');
    assert.equal(record?.link, null);
    assert.equal(record?.ended.at(-1)?.reason, 'removedByAdmin');
    assert.equal(notified.length, 1);
    assert.match(notified[0], /removed your Microsoft Certification Profile ID from its skills report/);

    assert.ok(textOf(await h.say(people.contosoAdmin, 'skills report')).includes(R10));
    const audit = await h.stores.audit.latest('1234567', 20);
    assert.deepEqual(audit.map((e) => e.action).sort(), ['link', 'removedByAdmin']);
    assert.ok(audit.every((e) => e.mcid === '10203040'));
    // In the admin's personal chat the card names the person (from the profile) and the admin asking (Teams);
    // the log itself holds ids only, and a channel sees those ids.
    const card = textOf(await h.say(people.contosoAdmin, 'audit log'));
    assert.match(card, /Contoso Admin removed MCID 10203040 \(Alice Martin\) from the report/);
    assert.match(card, /Alice Martin linked MCID 10203040/);
    assert.ok(audit.every((e) => !JSON.stringify(e).includes('Alice Martin') && !JSON.stringify(e).includes('Contoso Admin')));
    const inChannel = textOf(await h.say(people.contosoAdmin, 'audit log', { conversationType: 'channel' }));
    assert.match(inChannel, new RegExp(`${people.contosoAdmin.userId} removed MCID 10203040 \\(${people.alice.userId}\\) from the report`));
    assert.doesNotMatch(inChannel, /Alice Martin|Contoso Admin/);
  });

  it('finds the person by MCID too, and cancel changes nothing', async () => {
    const h = await makeHarness();
    await linkAs(h, people.alice);
    const confirm = await h.say(people.contosoAdmin, 'remove 10203040 from the report');
    const out = await h.click(people.contosoAdmin, button(confirm, 'admin.remove.cancel'));
    assert.ok(out.status === 200);
    assert.equal((await h.associationStore.getRecord('10203040'))?.link?.mpnId, '1234567');
  });

  it('never reaches another org: not by email, not with a forged card', async () => {
    const h = await makeHarness();
    await linkAs(h, people.alice);
    assert.match(textOf(await h.say(people.fabrikamAdmin, 'remove alice@contoso.com from the report')), /Nobody linked to Fabrikam matches/);
    assert.match(textOf(await h.say(people.fabrikamAdmin, 'supprimer alice@contoso.com du rapport', { locale: 'fr-FR' })), /^Aucune personne liée à Fabrikam ne correspond à votre demande\. Rien n’a été modifié\.$/);
    const contosoCard = button(await h.say(people.contosoAdmin, 'remove alice@contoso.com from the report'), 'admin.remove.confirm');
    const forged = await h.click(people.fabrikamAdmin, contosoCard, { conversationId: `conv-${people.contosoAdmin.userId}-personal` });
    assert.match(textOf(forged.body), /for someone else|expired/);
    assert.equal((await h.associationStore.getRecord('10203040'))?.link?.mpnId, '1234567');
  });

  it('an admin can remove but never link anyone (R5)', async () => {
    const h = await makeHarness();
    const text = textOf(await h.say(people.contosoAdmin, 'link alice@contoso.com'));
    assert.doesNotMatch(text, /10203040/);
    assert.equal(await h.associationStore.getRecord('10203040'), null);
  });
});
