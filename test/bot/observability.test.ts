/**
 * Logs and metrics of the real app over HTTP: one JSON log line per turn with
 * the activity id, conversation id and a hashed user id, and never a name or
 * an email, even when the activity, the member lookup and the text carry them;
 * GET /metrics (on its own listener) in Prometheus format with turns, latency and store calls.
 */
import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import { startCertLink, RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { ManualClock } from '../../services/clock';
import { buttons, CONTOSO_TENANT, FABRIKAM_TENANT } from '../support/conversationHarness';
import { FakeConnector, startFakeConnector } from '../support/fakeConnector';
import { captureLogger } from '../support/httpBotHarness';
import { activityFrom, clickActivity, Member, membersOf, postActivity, sendMessage } from '../support/liveBot';

/** LOG_HASH_KEY, as every bot process of a deployment would share it. */
const LOG_HASH_KEY = 'observability-test-log-hash-key';
/** What the logs should name a user by, computed here independently of bot/logging.ts. */
const expectedUserHash = (userId: string) => createHmac('sha256', LOG_HASH_KEY).update(userId).digest('hex').slice(0, 16);

// Teams ids are opaque GUIDs; names and emails only come with the activity and the member lookup.
const alice: Member = { id: '29:1f00a1', aadObjectId: '0b5e1c2a-0000-4000-8000-00000000a11c', tenantId: CONTOSO_TENANT, email: 'alice@contoso.com', name: 'Alice Martin' };
const hugo: Member = { id: '29:1f00b2', aadObjectId: '0b5e1c2a-0000-4000-8000-0000000000b2', tenantId: FABRIKAM_TENANT, email: 'hugo.bernard@fabrikam.com', name: 'Hugo Bernard' };

describe('observability: logs without personal data, /metrics', function () {
  this.timeout(20000);
  let connector: FakeConnector;
  let app: RunningApp;
  let base: string;
  const captured = captureLogger();

  before(async () => {
    connector = await startFakeConnector({ members: membersOf([alice, hugo]) as never });
    const config = loadConfig({ PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'info', LOG_HASH_KEY });
    app = await startCertLink(config, captured.log, { clock: new ManualClock('2026-01-05T09:00:00Z') });
    base = `http://127.0.0.1:${app.port}`;
  });

  after(async () => {
    await app?.close();
    await connector?.close();
  });

  it('logs every turn with its ids and a hashed user, and no name or email anywhere', async () => {
    const sentIds: string[] = [];
    const say = async (who: Member, text: string) => {
      const r = await sendMessage(base, connector, who, text);
      assert.equal(r.status, 200);
      return r.replies;
    };
    const preview = await say(alice, 'link my certification');
    const confirm = buttons(preview).find((b) => b.verb === 'link.confirm');
    assert.ok(confirm, 'a confirm button');
    const click = clickActivity(alice, connector.url, confirm.verb, confirm.cardId);
    sentIds.push(click.id as string);
    assert.equal((await postActivity(base, click)).status, 200);
    await say(alice, 'status');
    await say(hugo, 'remove alice@contoso.com from the report, she is Alice Martin');
    await say(hugo, 'my email is hugo.bernard@fabrikam.com, link me');

    for (const secret of [alice.email, alice.name, hugo.email, hugo.name, 'Alice', 'Hugo', 'contoso.com', 'fabrikam.com', '@']) {
      const leak = captured.lines.find((l) => l.toLowerCase().includes(secret.toLowerCase()));
      assert.equal(leak, undefined, `"${secret}" appears in the logs`);
    }
    const turns = captured.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'turn');
    assert.equal(turns.length, 5, 'one line per turn');
    const clickLine = turns.find((l) => l.activityId === click.id);
    assert.ok(clickLine, 'the click turn is logged by its activity id');
    assert.equal(clickLine.conversationId, `a:personal-${alice.aadObjectId}`);
    // Keyed with LOG_HASH_KEY: the same person gets the same hash on every process that shares it.
    assert.equal(clickLine.user, expectedUserHash(alice.aadObjectId));
    assert.equal(clickLine.intent, 'link.confirm');
    assert.equal(clickLine.outcome, 'ok');
    assert.ok(
      turns.every((l) => typeof l.user === 'string' && /^[0-9a-f]{16}$/.test(l.user as string)),
      'users are hashes',
    );
  });

  it('serves Prometheus metrics: turns and latency by intent, store calls', async () => {
    // A card click on a card that does not exist counts as a refused turn.
    await postActivity(base, clickActivity(alice, connector.url, 'link.confirm', 'no-such-card'));
    await postActivity(base, activityFrom(alice, connector.url, { type: 'message', text: 'help' }));
    const res = await fetch(`http://127.0.0.1:${app.metricsPort}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const body = await res.text();
    assert.match(body, /^certlink_turns_total\{intent="link",outcome="ok"\} [1-9]/m);
    assert.match(body, /^certlink_turns_total\{intent="link.confirm",outcome="ok"\} 1$/m);
    assert.match(body, /^certlink_turns_total\{intent="link.confirm",outcome="refused"\} 1$/m);
    assert.match(body, /^certlink_turn_duration_seconds_count\{intent="help"\} [1-9]/m);
    assert.match(body, /^certlink_store_call_duration_seconds_count\{store="associations",op="saveRecord"\} 1$/m);
    assert.match(body, /^certlink_store_call_duration_seconds_count\{store="once",op="claim"\} [1-9]/m);
    assert.match(body, /^# TYPE certlink_store_errors_total counter$/m);
    assert.match(body, /^certlink_process_resident_memory_bytes [1-9]/m);
    for (const outcome of ['sent', 'throttled', 'failed']) assert.match(body, new RegExp(`^certlink_notices_total\\{outcome="${outcome}"\\} 0$`, 'm'));
  });
});
