/**
 * "my data" and "delete my data" through the conversation (embedded stores):
 * the card and its signed download, what the export holds (the person's data,
 * nobody else's), the confirmation card, and the admin-removal retention.
 */
import { strict as assert } from 'node:assert';
import type { ServerResponse } from 'node:http';
import { servePersonalData } from '../../../../bot/http/personalDataRoute';
import { addDays, ManualClock } from '../../../../services/clock';
import { MemoryDocumentStore } from '../../../../services/memory/memoryDocumentStore';
import { PersonalDataExport } from '../../../../services/privacy/personalDataExport';
import { button, CONTOSO_TENANT, makeHarness, people, textOf } from '../../../support/conversationHarness';

/** Enough of a ServerResponse to capture status and body. */
function fakeResponse() {
  const out = { status: 0, headers: {} as Record<string, string>, body: '' };
  const res = {
    headersSent: false,
    writeHead(status: number, headers: Record<string, string>) {
      out.status = status;
      out.headers = headers;
      return res;
    },
    end(body?: string) {
      out.body += body ?? '';
      return res;
    },
    destroy() {
      return res;
    },
  };
  return { res: res as unknown as ServerResponse, out };
}

function downloadUrl(replies: unknown): string {
  const card = (replies as { attachments?: { content: { actions: { type: string; url?: string }[] } }[] }[])[0].attachments![0].content;
  const open = card.actions.find((a) => a.type === 'Action.OpenUrl');
  assert.ok(open?.url, 'the card has a download button');
  return open.url;
}

async function linkedHarness() {
  // Session state on the document store with the default 30 days, as in production, so the export can read it.
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const documents = new MemoryDocumentStore(clock);
  const ttlSeconds = 30 * 86400;
  const h = await makeHarness({ clock, documents, sessionStateTtlSeconds: ttlSeconds });
  await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
  await h.click(people.benoit, button(await h.say(people.benoit, 'link my certification'), 'link.confirm'));
  await h.services.university.link(people.alice.tenantId, people.alice.userId, 'alice@contoso.com');
  return h;
}

async function download(h: Awaited<ReturnType<typeof makeHarness>>, url: string) {
  const { res, out } = fakeResponse();
  await servePersonalData(url, res, {
    signer: h.services.signer,
    exporter: h.services.privacy.exporter,
    documents: h.stores.documents,
    orgForTenant: (t) => h.services.orgs.forTenant(t),
    once: h.stores.once,
    clock: h.clock,
  });
  return out;
}

describe('privacy in the conversation', () => {
  it('"my data" lists every category with what is held and why, and downloads it all as JSON', async () => {
    const h = await linkedHarness();
    const card = await h.say(people.alice, 'my data');
    const text = textOf(card);
    for (const category of ['Certification profile', 'Current link', 'Association history', 'Notice settings', 'Conversation reference', 'Partner University link', 'Audit entries about you', 'Conversation state']) {
      assert.match(text, new RegExp(category), category);
    }
    assert.match(text, /MCID 10203040: Alice Martin, alice@contoso.com; certifications: 4\./);
    // Counts read as "label: n", right for 1 as for 0 or 4, in both languages.
    assert.match(text, /Association starts: 1; ended links: 0\./);
    // Alice's renewal reminders, queued when she linked: the window and the last call of DP-600 and AZ-104.
    assert.match(text, /Notifications on; notices waiting: 4\./);
    assert.match(text, /Entries: 1 \(links, removals, role changes\)/);
    assert.match(text, /Conversation state\nPresent\.\nCards waiting for your click and a sign-in in progress, kept at most 30 days\./);
    // SESSION_STATE_TTL_DAYS=0: no expiry, said in words.
    const unlinked = textOf(await (await makeHarness()).say(people.alice, 'my data'));
    assert.match(unlinked, /in progress, kept with no time limit\./);
    // Nothing held: the reason does not claim the person linked anything.
    assert.match(unlinked, /Partner University link\nNothing\.\nKept only once you link your Partner University account/);
    await h.say(people.alice, 'stop notifications');
    const fr = textOf(await h.say(people.alice, 'mes données', { locale: 'fr-FR' }));
    assert.match(fr, /Débuts d’association : 1 ; liaisons terminées : 0\./);
    assert.match(fr, /Notifications désactivées ; notifications en attente : 4\./);
    assert.match(fr, /Entrées : 1 \(liaisons/);
    assert.match(text, /Linked to Contoso since January 5, 2026/);
    assert.match(text, /Who can see it: you, and the global admins and partner admins/);

    const out = await download(h, downloadUrl(card));
    assert.equal(out.status, 200);
    assert.match(out.headers['Content-Type'], /application\/json/);
    const data = JSON.parse(out.body) as PersonalDataExport;
    assert.equal(data.profile?.mcid, '10203040');
    assert.deepEqual(data.profile?.emails, ['alice@contoso.com']);
    assert.equal(data.currentLink?.org.name, 'Contoso');
    assert.equal(data.associationHistory.starts.length, 1);
    assert.equal(data.partnerUniversity?.account, 'alice@contoso.com');
    assert.equal(data.conversationReference?.userId, people.alice.userId);
    assert.ok(data.sessionState, 'the personal chat’s state is in the export');
    assert.deepEqual(
      data.auditEntries.map((e) => [e.action, e.by]),
      [['link', 'you']],
    );
  });

  it('the export holds nothing about anyone else: other people and admins appear only as roles', async () => {
    const h = await linkedHarness();
    // An admin removes Alice: the entry names the admin, who must not appear in Alice's export.
    const confirm = await h.say(people.contosoAdmin, 'remove alice@contoso.com from the report');
    await h.click(people.contosoAdmin, button(confirm, 'admin.remove.confirm'));
    const out = await download(h, downloadUrl(await h.say(people.alice, 'mes données', { locale: 'fr-FR' })));
    const data = JSON.parse(out.body) as PersonalDataExport;
    assert.deepEqual(
      data.auditEntries.map((e) => [e.action, e.by, e.about ?? null]),
      [
        ['link', 'you', null],
        ['removedByAdmin', 'anAdministrator', 'you'],
      ],
    );
    assert.equal(data.associationHistory.endedLinks[0].by, 'anAdministrator');
    for (const other of [people.benoit.userId, people.benoit.email, '10204151', 'Benoît', people.contosoAdmin.userId, people.bob.email]) {
      assert.ok(!out.body.includes(other), `the export does not contain ${other}`);
    }
  });

  it('the download link is the requester’s only: 403 when tampered with, 410 once expired', async () => {
    const h = await linkedHarness();
    const url = downloadUrl(await h.say(people.alice, 'my data'));
    const toBenoit = url.replace(encodeURIComponent(people.alice.userId), encodeURIComponent(people.benoit.userId));
    assert.notEqual(toBenoit, url);
    assert.equal((await download(h, toBenoit)).status, 403);
    assert.equal((await download(h, url.replace(/sig=[^&]+/, 'sig=AAAA'))).status, 403);
    h.clock.set(addDays(h.clock.now(), 1));
    assert.equal((await download(h, url)).status, 410);
  });

  it('only in personal chat', async () => {
    const h = await makeHarness();
    assert.match(textOf(await h.say(people.alice, 'delete my data', { conversationType: 'channel' })), /personal chat/i);
  });

  it('"supprimer mes données": the confirmation says what is erased and what is kept; Cancel changes nothing', async () => {
    const h = await linkedHarness();
    const card = await h.say(people.alice, 'supprimer mes données', { locale: 'fr-FR' });
    const text = textOf(card);
    assert.match(text, /Effacés maintenant : votre nom, vos e-mails et vos certifications/);
    assert.match(text, /Conservées : uniquement les dates de début de vos associations, sous un hachage à clé de votre MCID/);
    assert.match(text, /396 jours/);
    await h.click(people.alice, button(card, 'card.cancel'));
    assert.equal((await h.associationStore.getRecord('10203040'))?.link?.mpnId, '1234567');
  });

  it('after "delete my data" the person is unknown to CertLink, and linking again too early is still refused (R4)', async () => {
    const h = await linkedHarness();
    const done = await h.click(people.alice, button(await h.say(people.alice, 'delete my data'), 'privacy.erase.confirm'));
    assert.match(textOf(done.body), /Kept: association start dates \(1\) under a keyed hash, until February 5, 2027/);
    assert.equal(await h.associationStore.getRecord('10203040'), null);
    assert.equal(await h.services.profiles.get('10203040'), null);
    assert.equal(await h.services.university.get(CONTOSO_TENANT, people.alice.userId), null);
    const after = await download(h, downloadUrl(await h.say(people.alice, 'my data')));
    const data = JSON.parse(after.body) as PersonalDataExport;
    assert.equal(data.profile, null);
    assert.equal(data.currentLink, null);
    assert.deepEqual(data.auditEntries, []);
    // The audit keeps the entries, pseudonymized.
    const log = textOf(await h.say(people.contosoAdmin, 'audit log'));
    assert.doesNotMatch(log, /10203040/);
    assert.match(log, /erased:/);

    // Status by MCID (the profile imported again): the kept start still counts.
    const status = await h.services.associations.status('10203040');
    assert.deepEqual(status.availability.blockedBy, ['cooldown']);
    assert.equal(status.availability.date.toISOString(), '2026-02-04T00:00:00.000Z');
  });

  it('an admin’s removal schedules the profile’s erasure after the retention period; linking again cancels it', async () => {
    const h = await linkedHarness();
    const remove = async (email: string) => h.click(people.contosoAdmin, button(await h.say(people.contosoAdmin, `remove ${email} from the report`), 'admin.remove.confirm'));
    await remove('alice@contoso.com');
    await remove('benoit@contoso.com');
    h.clock.advanceDays(200);
    // Benoît links again before the period ends: his profile stays.
    await h.click(people.benoit, button(await h.say(people.benoit, 'link my certification'), 'link.confirm'));
    h.clock.advanceDays(196); // 396 days after the removal: past 365 + 30
    assert.equal(await h.services.profiles.get('10203040'), null, 'Alice’s profile is erased');
    assert.equal(await h.services.profiles.findByEmail('alice@contoso.com'), null);
    assert.equal(await h.associationStore.getRecord('10203040'), null, 'and her record, whose starts no limit counts any more');
    assert.equal((await h.services.profiles.get('10204151'))?.lastName, 'Lefèvre');
  });
});
