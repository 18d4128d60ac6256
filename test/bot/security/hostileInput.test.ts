/**
 * Hostile input, property-based (fast-check), on the real HTTP server over
 * Redis: thousands of random and malformed activities and card clicks (wrong
 * types, huge strings, unicode, missing ids, another tenant's ids, stale and
 * foreign cards). Each gets a 4xx or a clear refusal, no turn ever fails, the
 * process keeps serving, and the association data in Redis is unchanged.
 *
 * "Unchanged" covers records, org, person and report indexes, profiles and the
 * audit log. Session state (doc:), redelivery claims (once:), rate counters
 * (count:), personal-chat references (:convref) and the notice queue ({bull}:)
 * may grow: a random "hello" legitimately gets a help card, a claim on its id,
 * the bot remembers where to reach that person, and a refused link attempt
 * schedules a "you can link again" notice for whoever asked (docs/notices.md).
 */
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import type Redis from 'ioredis';
import { startCertLink, RunningApp } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { say } from '../../../services/i18n/say';
import { ManualClock } from '../../../services/clock';
import { TEST_REDIS_URL, TestRedis } from '../../support/testRedis';
import { buttons, CONTOSO_TENANT, FABRIKAM_TENANT, textOf, UNKNOWN_TENANT } from '../../support/conversationHarness';
import { FakeConnector, startFakeConnector } from '../../support/fakeConnector';
import { captureLogger } from '../../support/httpBotHarness';
import { activityFrom, clickActivity, Member, membersOf, postActivity, sendMessage } from '../../support/liveBot';
import { runtimeEnv } from '../../support/testRuntime';

const alice: Member = { id: '29:h-alice', aadObjectId: 'h-aad-alice', tenantId: CONTOSO_TENANT, email: 'alice@contoso.com', name: 'Alice Martin' };
const benoit: Member = { id: '29:h-benoit', aadObjectId: 'h-aad-benoit', tenantId: CONTOSO_TENANT, email: 'benoit@contoso.com', name: 'Benoît Lefèvre' };
/** Who the attacker may claim to be: never Alice or Benoît in their own tenant. */
const mallory: Member = { id: '29:h-mallory', aadObjectId: 'h-aad-mallory', tenantId: CONTOSO_TENANT, email: 'mallory@contoso.com', name: 'Mallory' };
const hugoB: Member = { id: '29:h-hugo', aadObjectId: 'h-aad-hugo', tenantId: FABRIKAM_TENANT, email: 'hugo.bernard@fabrikam.com', name: 'Hugo' };
const aliceElsewhere: Member = { ...alice, tenantId: FABRIKAM_TENANT };
const benoitElsewhere: Member = { ...benoit, tenantId: UNKNOWN_TENANT };
const stranger: Member = { id: '29:h-x', aadObjectId: 'h-aad-x', tenantId: UNKNOWN_TENANT, email: 'x@unknown.example', name: 'X' };

const REFUSALS = (['notYourCard', 'staleCard', 'alreadyDone', 'cancelled', 'unknownTenant', 'rateLimited'] as const).flatMap((key) =>
  (['en', 'fr'] as const).map((locale) => say(locale, key, { tenantId: '' }).slice(0, 30)),
);
const FAILURE_TEXTS = [say('en', 'unavailable'), say('fr', 'unavailable'), 'Sorry, something went wrong'];

/** A snapshot of every durable key under the prefix: key → DUMP. */
async function snapshot(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const rest = key.slice(prefix.length);
      if (/^(once|doc|count|\{bull\}):/.test(rest) || rest.endsWith(':convref')) continue;
      out.set(key, ((await redis.dumpBuffer(key)) ?? Buffer.alloc(0)).toString('hex'));
    }
  } while (cursor !== '0');
  return out;
}

describe('hostile input (fast-check) on the real HTTP server and Redis', function () {
  this.timeout(120000);
  const testRedis = new TestRedis();
  const prefix = testRedis.freshPrefix();
  const captured = captureLogger();
  let redis: Redis;
  let connector: FakeConnector;
  let app: RunningApp;
  let base: string;
  let liveCardId = '';
  let staleCardId = '';
  let before0: Map<string, string>;
  let sent = 0;

  before(async () => {
    redis = await testRedis.connect();
    connector = await startFakeConnector({ members: membersOf([alice, benoit, mallory, hugoB, stranger]) as never, keepReplies: true });
    const config = loadConfig({ ...runtimeEnv(), PORT: '0', REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'info', RATE_LIMIT_LINK_ATTEMPTS: '0', RATE_LIMIT_ADMIN_COMMANDS: '0' });
    app = await startCertLink(config, captured.log, { clock: new ManualClock('2026-01-05T09:00:00Z') });
    base = `http://127.0.0.1:${app.port}`;
    // Real state to protect: Alice linked (her confirm card is now stale), Benoît holding a live confirm card.
    const alicePreview = await sendMessage(base, connector, alice, 'link my certification');
    const aliceConfirm = buttons(alicePreview.replies).find((b) => b.verb === 'link.confirm');
    assert.ok(aliceConfirm);
    assert.match(textOf((await postActivity(base, clickActivity(alice, connector.url, aliceConfirm.verb, aliceConfirm.cardId))).json), /Linked to Contoso/);
    staleCardId = aliceConfirm.cardId;
    const benoitConfirm = buttons((await sendMessage(base, connector, benoit, 'link my certification')).replies).find((b) => b.verb === 'link.confirm');
    assert.ok(benoitConfirm);
    liveCardId = benoitConfirm.cardId;
    before0 = await snapshot(redis, prefix);
    assert.ok(before0.size >= 3, 'the protected state exists');
  });

  after(async () => {
    await app?.close();
    await connector?.close();
    await testRedis.cleanup();
  });

  const attacker = fc.constantFrom(mallory, hugoB, aliceElsewhere, benoitElsewhere, stranger);
  const hugeString = fc.integer({ min: 10_001, max: 300_000 }).map((n) => 'é'.repeat(n));
  const weird = fc.oneof(
    fc.string(),
    fc.fullUnicodeString({ maxLength: 200 }),
    fc.constant(''),
    fc.constant('\u0000\u202e\ud83d\ude00'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  );
  const fieldNames = ['type', 'id', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation', 'text', 'locale', 'name', 'value', 'channelData', 'replyToId'] as const;
  /** Fields inside the accounts and the conversation, which botbuilder copies into every reply. */
  const nestedFieldNames = [
    ...(['id', 'name', 'aadObjectId', 'role', 'properties'] as const).flatMap((f) => [`from.${f}`, `recipient.${f}`]),
    ...(['id', 'name', 'aadObjectId', 'role', 'tenantId', 'conversationType', 'isGroup', 'properties'] as const).map((f) => `conversation.${f}`),
  ];

  /** A plausible activity with some fields replaced, removed, or made huge. */
  const mangledActivity = fc
    .record({
      who: attacker,
      type: fc.constantFrom('message', 'invoke', 'conversationUpdate', 'installationUpdate', 'event', 'messageReaction', 'typing'),
      text: fc.oneof(
        fc.fullUnicodeString({ maxLength: 300 }),
        fc.constantFrom('link my certification', 'remove my certification', 'status', 'lier ma certification', 'skills report', 'remove alice@contoso.com from the report'),
      ),
      edits: fc.array(fc.tuple(fc.constantFrom(...fieldNames), fc.oneof(weird, fc.constant(undefined))), { maxLength: 3 }),
      nestedEdits: fc.array(fc.tuple(fc.constantFrom(...nestedFieldNames), fc.oneof(weird, fc.constant(undefined))), { maxLength: 2 }),
      huge: fc.option(fc.tuple(fc.constantFrom(...fieldNames), hugeString), { freq: 8 }),
    })
    .map(({ who, type, text, edits, nestedEdits, huge }) => {
      const a: Record<string, unknown> = activityFrom(who, connector.url, { type, text, name: type === 'invoke' ? 'adaptiveCard/action' : undefined });
      for (const [path, value] of nestedEdits) {
        const [owner, field] = path.split('.');
        const inner = { ...(a[owner] as Record<string, unknown>) };
        if (value === undefined) delete inner[field];
        else inner[field] = value;
        a[owner] = inner;
      }
      for (const [field, value] of edits) {
        if (field === 'serviceUrl') continue; // an unreachable serviceUrl is the channel's problem, not an input one
        if (value === undefined) delete a[field];
        else a[field] = value;
      }
      if (huge) a[huge[0]] = huge[1];
      return a;
    });

  /** Card clicks: live card of someone else, stale card, random and malformed ids and values. */
  const hostileClick = fc
    .record({
      who: attacker,
      verb: fc.oneof(
        fc.constantFrom('link.confirm', 'unlink.confirm', 'university.signIn', 'link.signIn', 'card.cancel', 'admin.remove', 'notices.notifyMe', 'link.start', '__proto__', 'constructor'),
        fc.fullUnicodeString({ maxLength: 120 }),
        weird,
      ),
      cardId: fc.oneof(
        fc.constant(liveCardId).map(() => liveCardId),
        fc.constant('stale').map(() => staleCardId),
        fc.uuid(),
        fc.constantFrom('__proto__', 'valueOf', 'constructor', 'toString', 'hasOwnProperty'),
        fc.fullUnicodeString({ maxLength: 120 }),
        weird,
      ),
      shape: fc.constantFrom('ok', 'noAction', 'actionNotObject', 'wrongActionType', 'dataNotObject', 'valueString', 'otherInvokeName'),
      locale: fc.constantFrom('en-US', 'fr-FR', 'xx', ''),
    })
    .map(({ who, verb, cardId, shape, locale }) => {
      const a = clickActivity(who, connector.url, 'x', 'x') as Record<string, unknown>;
      a.locale = locale;
      const action: Record<string, unknown> = { type: 'Action.Execute', verb, data: { cardId } };
      if (shape === 'noAction') a.value = { trigger: 'manual' };
      else if (shape === 'actionNotObject') a.value = { action: 'Action.Execute' };
      else if (shape === 'wrongActionType') a.value = { action: { ...action, type: 'Action.Submit' } };
      else if (shape === 'dataNotObject') a.value = { action: { ...action, data: cardId } };
      else if (shape === 'valueString') a.value = 'not an object';
      else if (shape === 'otherInvokeName') a.name = typeof verb === 'string' ? verb : 'composeExtension/query';
      else a.value = { action, trigger: 'manual' };
      return a;
    });

  const rawBodies = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.fullUnicodeString({ maxLength: 500 }),
    fc.constantFrom('{', '[]', 'null', '{"type":', '\u0000', '{"type":"message","serviceUrl":"javascript:alert(1)"}'),
  );

  async function check(body: unknown): Promise<void> {
    sent += 1;
    const res = await postActivity(base, body);
    assert.ok(res.status < 500, `status ${res.status} for ${JSON.stringify(body).slice(0, 300)}`);
    const activity = typeof body === 'object' && body !== null ? (body as Partial<Activity>) : null;
    // link.start is public on purpose (notice cards carry no card id): it does what "link my certification" does.
    const verb = (activity?.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
    if (res.status === 200 && activity?.type === 'invoke' && activity.name === 'adaptiveCard/action' && res.json && verb !== 'link.start') {
      const text = textOf(res.json);
      const refused = REFUSALS.some((r) => text.includes(r)) || /BadRequest|must be/.test(JSON.stringify(res.json));
      assert.ok(refused, `a click was not refused: ${text.slice(0, 200)} for ${JSON.stringify(body).slice(0, 300)}`);
    }
    if (res.status === 200 && res.json) assert.ok(!FAILURE_TEXTS.some((t) => textOf(res.json).includes(t)), `a turn failed: ${JSON.stringify(body).slice(0, 300)}`);
    if (res.status === 200 && activity?.id) {
      const replies = connector.replies.filter((r) => r.replyToId === activity.id);
      for (const r of replies) assert.ok(!FAILURE_TEXTS.some((t) => textOf([r.activity]).includes(t)), `a turn failed: ${JSON.stringify(body).slice(0, 300)}`);
    }
  }

  it('refuses thousands of malformed activities and card clicks, never with a 5xx', async () => {
    await fc.assert(fc.asyncProperty(mangledActivity, check), { numRuns: 1200 });
    await fc.assert(fc.asyncProperty(hostileClick, check), { numRuns: 1200 });
    await fc.assert(fc.asyncProperty(rawBodies, check), { numRuns: 600 });
    connector.clear();
    console.log(`      hostile requests sent: ${sent}`);
  });

  it('kept serving, logged no failed turn, and changed no association data', async () => {
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    const failures = captured.lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 50);
    assert.deepEqual(
      failures.map((f) => JSON.stringify(f).slice(0, 600)),
      [],
      'no error-level log line',
    );
    const after0 = await snapshot(redis, prefix);
    assert.deepEqual([...after0.keys()].sort(), [...before0.keys()].sort(), 'the same keys');
    for (const [key, dump] of before0) assert.equal(after0.get(key), dump, `${key} changed`);
    // Benoît's live card still works for Benoît: the attacks did not consume it.
    const res = await postActivity(base, clickActivity(benoit, connector.url, 'link.confirm', liveCardId));
    assert.match(textOf(res.json), /Linked to Contoso/);
  });
});
