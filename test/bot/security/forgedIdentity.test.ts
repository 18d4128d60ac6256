/**
 * The attack: another channel of the same bot registration (Direct Line, Web Chat), or a Teams-shaped
 * activity with the identity fields a client chooses, posing as Contoso's global admin to read the
 * skills report. The request carries a valid channel token (real signed JWT, local key set): the
 * connector did send it, but nothing in it proves who the person is. Each forged activity gets a 403
 * over HTTP, the bot never runs, nothing is sent and nothing is stored; through any other way in, the
 * bot itself refuses it.
 */
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import pino from 'pino';
import sinon from 'sinon';
import type restify from 'restify';
import { createHttpServer, listen } from '../../../bot/http/server';
import { refuseUnprovenIdentity } from '../../../bot/turn/teamsIdentity';
import { countingEndpoint } from '../../support/channelEndpoint';
import { ChannelKeySet, startChannelKeySet, TEST_ISSUER } from '../../support/channelTokens';
import { FABRIKAM_TENANT, makeHarness, people, textOf } from '../../support/conversationHarness';
import { FakeConnector, startFakeConnector } from '../../support/fakeConnector';
import { healthyStore } from '../../support/httpBotHarness';

const ADMIN = people.contosoAdmin.userId;

type Forgery = [what: string, change: (a: Partial<Activity>) => void];

/** Each is a way to pose as Contoso's global admin without Teams proving it. */
const forgeries: Forgery[] = [
  [
    "Direct Line, from.id set to the admin's object id",
    (a) => {
      a.channelId = 'directline';
      a.from = { id: ADMIN, name: 'Contoso Admin' };
    },
  ],
  ["Web Chat with the admin's aadObjectId", (a) => (a.channelId = 'webchat')],
  ["msteams without aadObjectId, from.id set to the admin's object id", (a) => (a.from = { id: ADMIN, name: 'Contoso Admin' })],
  [
    'msteams with the tenant only in channelData',
    (a) => {
      a.conversation = { ...a.conversation!, tenantId: undefined };
    },
  ],
  ['msteams whose channelData names another tenant', (a) => (a.channelData = { tenant: { id: FABRIKAM_TENANT } })],
  ['no channelId', (a) => delete a.channelId],
];

describe('security: identity only from what Teams proves (forged identities, real channel tokens)', function () {
  this.timeout(20000);
  let keys: ChannelKeySet;
  let connector: FakeConnector;
  let server: restify.Server;
  let botUrl: string;
  let h: Awaited<ReturnType<typeof makeHarness>>;
  let turnsRun = 0;

  before(async () => {
    sinon.stub(console, 'error');
    connector = await startFakeConnector();
    keys = await startChannelKeySet(connector.url);
    h = await makeHarness();
    const log = pino({ level: 'silent' });
    server = createHttpServer({
      endpoint: countingEndpoint({
        trust: { openIdMetadataUrl: keys.openIdMetadataUrl, tokenIssuer: TEST_ISSUER },
        // Counts the turns that reach the bot; the admitted control stops there (replying would need
        // an Entra token for the app, which this offline test cannot get).
        turn: async () => {
          turnsRun += 1;
        },
        log,
        refuse: refuseUnprovenIdentity(),
      }),
      health: healthyStore,
      log,
    });
    botUrl = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });

  after(async () => {
    sinon.restore();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await keys.close();
    await connector.close();
  });

  function adminAsking(text: string): Partial<Activity> {
    return h.activity(people.contosoAdmin, { type: 'message', text, serviceUrl: connector.url }, { conversationType: 'channel', conversationId: '19:general@thread.tacv2' });
  }

  async function post(activity: Partial<Activity>): Promise<{ status: number; body: { error?: string; reason?: string } }> {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await keys.token()}` },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }

  it('admits the same request as Teams sends it (the control that lets the forgeries fail)', async () => {
    const before = turnsRun;
    assert.equal((await post(adminAsking('skills report'))).status, 200);
    assert.equal(turnsRun, before + 1);
  });

  for (const [what, change] of forgeries) {
    it(`answers 403 to ${what}: the bot never runs, nothing is sent`, async () => {
      const activity = adminAsking('skills report');
      change(activity);
      const before = turnsRun;
      const sent = connector.replies.length;
      const { status, body } = await post(activity);
      // Without a channelId the shape check answers first (400); every other forgery is authenticated, then refused.
      if (activity.channelId === undefined) assert.equal(status, 400);
      else {
        assert.equal(status, 403);
        assert.equal(body.error, 'forbidden');
      }
      assert.equal(turnsRun, before);
      assert.equal(connector.replies.length, sent);
    });
  }

  describe('the bot itself, reached another way (TestAdapter)', () => {
    for (const [what, change] of forgeries) {
      it(`gives no report to ${what}, and stores nothing`, async () => {
        const t = await makeHarness();
        const activity = t.activity(people.contosoAdmin, { type: 'message', text: '<at>CertLink</at> skills report', id: `forged-${what}` }, { conversationType: 'channel' });
        change(activity);
        assert.deepEqual(await t.raw(activity), []);
        // Nothing was claimed or stored: the same activity id, sent as Teams sends it, is answered.
        const genuine = t.activity(people.contosoAdmin, { type: 'message', text: '<at>CertLink</at> skills report', id: activity.id }, { conversationType: 'channel' });
        assert.match(textOf(await t.raw(genuine)), /No users found with skills data/);
      });
    }

    it('refuses a forged card click with a 403 invoke response', async () => {
      const t = await makeHarness();
      const activity = t.activity(people.alice, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'link.confirm', data: { cardId: 'x' } } } }, {});
      activity.channelId = 'directline';
      const out = await t.raw(activity);
      const response = out.find((x) => x.type === 'invokeResponse')?.value as { status: number };
      assert.equal(response.status, 403);
      assert.equal(out.length, 1);
    });
  });
});
