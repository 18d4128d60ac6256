/**
 * The real server on real Redis, with a local stand-in for the Teams connector
 * that records replies and answers member lookups: link → switch → refusal →
 * remove, plus a non-JSON body, an unknown tenant and a forged card action.
 */
import { strict as assert } from 'node:assert';
import pino from 'pino';
import type { WireActivity } from '../../scripts/wireTypes';
import { startCertLink, RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { ManualClock } from '../../services/clock';
import { FakeConnector, RecordedActivity, startFakeConnector } from '../support/fakeConnector';
import { waitFor } from '../support/notices/waitFor';
import { activityFrom, clickActivity, Member, postActivity } from '../support/liveBot';
import { TEST_REDIS_URL, TestRedis } from '../support/testRedis';
import { CONTOSO_TENANT, FABRIKAM_TENANT, UNKNOWN_TENANT, textOf, buttons } from '../support/conversationHarness';
import { runtimeEnv } from '../support/testRuntime';

type Teammate = Member;

const hugoA: Teammate = { id: '29:hugo-a', aadObjectId: 'aad-hugo-a', tenantId: CONTOSO_TENANT, email: 'hugo@contoso.com', name: 'Hugo Bernard' };
const hugoB: Teammate = { id: '29:hugo-b', aadObjectId: 'aad-hugo-b', tenantId: FABRIKAM_TENANT, email: 'hugo.bernard@fabrikam.com', name: 'Hugo Bernard' };
const contosoAdmin: Teammate = { id: '29:contoso-admin', aadObjectId: '00000000-0000-4000-8000-0000000000a1', tenantId: CONTOSO_TENANT, email: 'admin@contoso.com', name: 'Contoso Admin' };
const mallory: Teammate = { id: '29:mallory', aadObjectId: 'aad-mallory', tenantId: CONTOSO_TENANT, email: 'mallory@contoso.com', name: 'Mallory' };

describe('HTTP end to end: real server, Redis, Teams connector stand-in', function () {
  this.timeout(30000);
  const redis = new TestRedis();
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  let connector: FakeConnector;
  let app: RunningApp;
  let base: string;

  before(async () => {
    await redis.connect();
    connector = await startFakeConnector();
    for (const t of [hugoA, hugoB, mallory, contosoAdmin]) connector.setMember({ id: t.id, aadObjectId: t.aadObjectId, email: t.email, userPrincipalName: t.email, name: t.name, tenantId: t.tenantId } as never);
    const config = loadConfig({ ...runtimeEnv(), PORT: '0', REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redis.freshPrefix(), LOG_LEVEL: 'silent' });
    app = await startCertLink(config, pino({ level: 'silent' }), { clock });
    base = `http://127.0.0.1:${app.port}`;
  });

  after(async () => {
    await app?.close();
    await connector?.close();
    await redis.cleanup();
  });

  const activity = (who: Teammate, partial: WireActivity) => activityFrom(who, connector.url, partial);
  const post = (body: unknown, raw = false) => postActivity(base, raw ? (body as string) : body);

  /** Sends a message and returns the reply the bot posted to the connector. */
  async function message(who: Teammate, text: string): Promise<WireActivity> {
    connector.clear();
    const a = activity(who, { type: 'message', text });
    const res = await post(a);
    assert.ok(res.status < 300, `status ${res.status}`);
    // Its reply, not a notice sent meanwhile in the background (e.g. an MCID that moved away).
    await waitFor(() => connector.replies.some((r) => r.replyToId === a.id), `the reply to "${text}"`, 5000);
    const reply = connector.replies.find((r) => r.replyToId === a.id) as RecordedActivity;
    assert.equal(reply.conversationId, a.conversation?.id);
    return reply.activity;
  }

  const click = (who: Teammate, verb: string, cardId: string) => postActivity(base, clickActivity(who, connector.url, verb, cardId));

  function confirmButton(reply: WireActivity) {
    const b = buttons([reply]).find((x) => x.verb === 'link.confirm');
    assert.ok(b, JSON.stringify(reply).slice(0, 400));
    return b;
  }

  it('links at Contoso, refuses Fabrikam too early, switches on 5 Feb, then removes', async () => {
    const first = await message(hugoA, 'link my certification');
    assert.match(textOf([first]), /Link MCID 10210817 to Contoso\?/);
    const b = confirmButton(first);
    assert.equal(b.title, 'Link with hugo@contoso.com', 'email read from the member API');
    const linked = await click(hugoA, b.verb, b.cardId);
    assert.equal(linked.status, 200);
    assert.match(textOf(linked.json), /Linked to Contoso/);

    clock.set('2026-01-15T10:00:00Z');
    const refused = await message(hugoB, 'link my certification');
    assert.match(textOf([refused]), /Your next available date for a subsequent association is February 4, 2026 \(UTC\)\./);

    clock.set('2026-02-05T10:00:00Z');
    const switching = await message(hugoB, 'link my certification');
    assert.match(textOf([switching]), /This ends your link to Contoso in the same step/);
    const sb = confirmButton(switching);
    const switched = await click(hugoB, sb.verb, sb.cardId);
    assert.match(textOf(switched.json), /Linked to Fabrikam/);
    assert.match(textOf(switched.json), /Your link to Contoso ended in the same step/);

    // His account at Contoso, which the MCID moved away from, is told in its personal chat.
    await waitFor(() => connector.replies.some((r) => r.kind === 'send' && r.conversationId === `a:personal-${hugoA.aadObjectId}`), 'the moved-away notice');
    const told = connector.replies.find((r) => r.kind === 'send' && r.conversationId === `a:personal-${hugoA.aadObjectId}`) as RecordedActivity;
    assert.match(textOf([told.activity]), /MCID 10210817, which this account linked to Contoso, is now linked to Fabrikam by another account/);

    const statusAtA = await message(hugoA, 'status');
    assert.match(textOf([statusAtA]), /is linked to Fabrikam/);

    const removing = await message(hugoB, 'remove my certification');
    const rb = buttons([removing]).find((x) => x.verb === 'unlink.confirm');
    assert.ok(rb);
    const removed = await click(hugoB, rb.verb, rb.cardId);
    assert.match(textOf(removed.json), /no longer linked to Fabrikam/);
    assert.equal((await app.stores.associations.getRecord('10210817'))?.link, null);
  });

  it('an admin gets the report card and downloads the CSV from its signed link; a tampered link gets 403', async () => {
    clock.set('2026-03-10T10:00:00Z');
    const start = await message(hugoA, 'link my certification');
    const linked = await click(hugoA, 'link.confirm', confirmButton(start).cardId);
    assert.match(textOf(linked.json), /Linked to Contoso/);

    const card = await message(contosoAdmin, 'skills report');
    const actions = (card.attachments?.[0].content as { actions: { type: string; url: string }[] }).actions;
    const csvUrl = actions.find((a) => a.type === 'Action.OpenUrl' && a.url.includes('fmt=csv'))?.url;
    assert.ok(csvUrl, JSON.stringify(actions));
    const local = csvUrl.replace(/^https?:\/\/[^/]+/, base);
    const res = await fetch(local);
    assert.equal(res.status, 200);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM, so Excel reads accents right');
    const csv = bytes.subarray(3).toString('utf8');
    assert.ok(csv.startsWith('"MCPID","IndividualFirstName","IndividualLastName","Email"'), csv.slice(0, 80));
    assert.match(csv, /"10210817","Hugo","Bernard"/);
    assert.equal((await fetch(local.replace('org=1234567', 'org=7654321'))).status, 403);

    const removing = await message(hugoA, 'remove my certification');
    const rb = buttons([removing]).find((x) => x.verb === 'unlink.confirm');
    assert.ok(rb);
    await click(hugoA, rb.verb, rb.cardId);
  });

  it('answers a non-JSON body and an activity without a conversation with 400', async () => {
    const bad = await post('{not json', true);
    assert.equal(bad.status, 400);
    assert.equal((bad.json as { error: string }).error, 'invalid_json');
    const missing = await post({ type: 'message', text: 'hi', serviceUrl: connector.url, channelId: 'msteams', from: { id: 'x' } });
    assert.equal(missing.status, 400);
    assert.match((missing.json as { reason: string }).reason, /conversation/);
  });

  it('answers 403 to a Direct Line activity naming the admin, and sends nothing', async () => {
    connector.clear();
    const forged = activity(contosoAdmin, { type: 'message', text: 'skills report', channelId: 'directline', from: { id: contosoAdmin.aadObjectId, name: 'Contoso Admin' } });
    const res = await post(forged);
    assert.equal(res.status, 403);
    assert.match((res.json as { reason: string }).reason, /Microsoft Teams only/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(connector.replies.length, 0);
  });

  it('tells an unknown tenant what to configure', async () => {
    const stranger: Teammate = { ...mallory, tenantId: UNKNOWN_TENANT, id: '29:stranger', aadObjectId: 'aad-stranger' };
    const reply = await message(stranger, 'link my certification');
    assert.match(textOf([reply]), /not set up in CertLink/);
  });

  it('refuses a forged card action and changes nothing', async () => {
    clock.set('2027-06-01T10:00:00Z'); // after the year's three associations above have left the window
    const reply = await message(hugoA, 'link my certification');
    const b = confirmButton(reply);
    const forged = await click(mallory, b.verb, b.cardId);
    assert.equal(forged.status, 200);
    assert.match(textOf(forged.json), /expired or was already used|for someone else/);
    assert.equal((await app.stores.associations.getRecord('10210817'))?.link, null);
  });
});
