/**
 * Per-person rate limit on link attempts and admin commands, counted on Redis
 * so it holds across two bot processes; refused in the person's language, and
 * other people are not affected.
 */
import { strict as assert } from 'node:assert';
import pino from 'pino';
import { startCertLink, RunningApp } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { ManualClock } from '../../../services/clock';
import { TEST_REDIS_URL, TestRedis } from '../../support/testRedis';
import { buttons, CONTOSO_TENANT, textOf } from '../../support/conversationHarness';
import { FakeConnector, startFakeConnector } from '../../support/fakeConnector';
import { clickActivity, Member, membersOf, postActivity, sendMessage } from '../../support/liveBot';
import { runtimeEnv } from '../../support/testRuntime';

const alice: Member = { id: '29:rl-alice', aadObjectId: 'rl-aad-alice', tenantId: CONTOSO_TENANT, email: 'alice@contoso.com', name: 'Alice Martin' };
const benoit: Member = { id: '29:rl-benoit', aadObjectId: 'rl-aad-benoit', tenantId: CONTOSO_TENANT, email: 'benoit@contoso.com', name: 'Benoît Lefèvre' };

const EN_REFUSAL = /too many requests in a short time\. Nothing was changed/;
const FR_REFUSAL = /trop de demandes en peu de temps\. Rien n’a été modifié/;

describe('security: per-person rate limit (Redis, two bot processes)', function () {
  this.timeout(20000);
  const redis = new TestRedis();
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  let connector: FakeConnector;
  let a: RunningApp;
  let b: RunningApp;
  let urlA: string;
  let urlB: string;

  before(async () => {
    await redis.connect();
    connector = await startFakeConnector({ members: membersOf([alice, benoit]) as never });
    const env = { ...runtimeEnv(), PORT: '0', REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redis.freshPrefix(), RATE_LIMIT_LINK_ATTEMPTS: '3', RATE_LIMIT_ADMIN_COMMANDS: '2', RATE_LIMIT_WINDOW_SECONDS: '600' };
    a = await startCertLink(loadConfig(env), pino({ level: 'silent' }), { clock });
    b = await startCertLink(loadConfig(env), pino({ level: 'silent' }), { clock });
    urlA = `http://127.0.0.1:${a.port}`;
    urlB = `http://127.0.0.1:${b.port}`;
  });

  after(async () => {
    await a?.close();
    await b?.close();
    await connector?.close();
    await redis.cleanup();
  });

  it('allows 3 link attempts across both processes, refuses the 4th (message and click) without changing anything', async () => {
    const first = await sendMessage(urlA, connector, alice, 'link my certification');
    const confirm = buttons(first.replies).find((x) => x.verb === 'link.confirm');
    assert.ok(confirm);
    assert.doesNotMatch(textOf((await sendMessage(urlB, connector, alice, 'link my certification')).replies), EN_REFUSAL);
    assert.doesNotMatch(textOf((await sendMessage(urlA, connector, alice, 'link my certification')).replies), EN_REFUSAL);

    const fourth = await sendMessage(urlB, connector, alice, 'link my certification');
    assert.equal(fourth.status, 200);
    assert.match(textOf(fourth.replies), EN_REFUSAL);

    // The confirm click is a link attempt too: refused, and the MCID stays unlinked.
    const click = await postActivity(urlA, clickActivity(alice, connector.url, confirm.verb, confirm.cardId));
    assert.equal(click.status, 200);
    assert.match(textOf(click.json), EN_REFUSAL);
    assert.equal(await a.stores.associations.getRecord('10203040'), null);

    // Someone else is not limited by Alice's attempts.
    assert.doesNotMatch(textOf((await sendMessage(urlA, connector, benoit, 'link my certification')).replies), EN_REFUSAL);
  });

  it('refuses the 3rd admin command in the person’s language (French)', async () => {
    const asFrench = async () => {
      const r = await sendMessage(urlA, connector, benoit, 'rapport des compétences', { locale: 'fr-FR' });
      return textOf(r.replies);
    };
    assert.doesNotMatch(await asFrench(), FR_REFUSAL);
    assert.doesNotMatch(await asFrench(), FR_REFUSAL);
    assert.match(await asFrench(), FR_REFUSAL);
  });

  it('allows again once the window has passed', async () => {
    clock.set('2026-01-05T09:11:00Z');
    assert.doesNotMatch(textOf((await sendMessage(urlB, connector, alice, 'link my certification')).replies), EN_REFUSAL);
  });
});
