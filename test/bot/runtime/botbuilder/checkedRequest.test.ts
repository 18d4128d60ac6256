import { strict as assert } from 'node:assert';
import { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, Request, TurnContext } from 'botbuilder';
import sinon from 'sinon';
import { processCheckedRequest } from '../../../../bot/runtime/botbuilder/checkedRequest';
import { DirectReplyAdapter } from '../../../../bot/runtime/botbuilder/directReplyAdapter';
import { teamsMessage } from '../../../support/httpBotHarness';

/** What a Response is told, as the route's CapturedResponse records it. */
class Recorded {
  statusCode = 0;
  body: unknown = undefined;
  ended = false;
  readonly socket: unknown = null;
  status(code: number): void {
    this.statusCode = code;
  }
  send(body?: unknown): void {
    this.body = body;
  }
  header(): void {}
  end(): void {
    this.ended = true;
  }
}

/** A Teams message as it arrives on the wire: its timestamps are text until the adapter reads them. */
function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...teamsMessage('http://127.0.0.1:1/'),
    timestamp: '2026-01-05T10:00:00.000Z',
    localTimestamp: '2026-01-05T11:00:00.000+01:00',
    ...overrides,
  };
}

function localAuth(): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' });
}

function securedAuth(): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '00000000-0000-0000-0000-0000000000aa', MicrosoftAppPassword: 'not-used', MicrosoftAppType: 'MultiTenant' });
}

/** Runs one request through an adapter; what the turn saw and what the response was told. */
async function run(adapter: CloudAdapter, req: Request): Promise<{ res: Recorded; seen: Partial<Activity>[] }> {
  const res = new Recorded();
  const seen: Partial<Activity>[] = [];
  await adapter.process(req, res, async (context: TurnContext) => {
    seen.push({ ...context.activity });
  });
  return { res, seen };
}

describe('checked requests: CertLink adapter processes a parsed activity as CloudAdapter.process does, without its zod checks', () => {
  afterEach(() => sinon.restore());

  it('runs the turn with the timestamps as Dates (their text kept), and answers 200, without going through the SDK checks', async () => {
    const sdkProcess = sinon.spy(CloudAdapter.prototype, 'process');
    const { res, seen } = await run(new DirectReplyAdapter(localAuth()), { method: 'POST', headers: {}, body: activity() });
    assert.equal(sdkProcess.callCount, 0, 'the zod-checked path is not taken for an HTTP request');
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, undefined);
    assert.ok(res.ended);
    assert.equal(seen.length, 1);
    const turn = seen[0] as Partial<Activity> & { rawTimestamp?: string; rawLocalTimestamp?: string };
    assert.ok(turn.timestamp instanceof Date);
    assert.equal(turn.timestamp.toISOString(), '2026-01-05T10:00:00.000Z');
    assert.equal(turn.rawTimestamp, '2026-01-05T10:00:00.000Z');
    assert.ok(turn.localTimestamp instanceof Date);
    assert.equal(turn.rawLocalTimestamp, '2026-01-05T11:00:00.000+01:00');
  });

  it("gives the same answers as botbuilder's CloudAdapter for each refusal and for an invoke response", async () => {
    const cases: { name: string; req: Request; secured?: boolean; invoke?: boolean }[] = [
      { name: 'not a POST', req: { method: 'GET', headers: {}, body: activity() } },
      { name: 'a body that is not an object', req: { method: 'POST', headers: {}, body: 'text' as unknown as Record<string, unknown> } },
      { name: 'no channel token while authentication is on', req: { method: 'POST', headers: {}, body: activity() }, secured: true },
      { name: 'a malformed channel token', req: { method: 'POST', headers: { authorization: 'Bearer not-a-jwt' }, body: activity() }, secured: true },
      { name: 'an invoke answered by the turn', req: { method: 'POST', headers: {}, body: activity({ type: 'invoke', name: 'adaptiveCard/action' }) }, invoke: true },
    ];
    for (const c of cases) {
      const outcomes = [];
      for (const Adapter of [CloudAdapter, DirectReplyAdapter]) {
        const adapter = new Adapter(c.secured ? securedAuth() : localAuth());
        const res = new Recorded();
        let turns = 0;
        sinon.stub(console, 'error'); // botbuilder prints a refused request; CertLink's route logs it instead
        sinon.stub(console, 'warn');
        try {
          await adapter.process(c.req, res, async (context: TurnContext) => {
            turns += 1;
            if (c.invoke) await context.sendActivity({ type: 'invokeResponse', value: { status: 202, body: { statusCode: 202, type: 'application/vnd.microsoft.activity.message', value: 'ok' } } });
          });
        } finally {
          sinon.restore();
        }
        const body = res.body instanceof Error ? res.body.message : res.body;
        outcomes.push({ status: res.statusCode, ended: res.ended, turns, bodyKind: typeof body, body });
      }
      assert.deepEqual(outcomes[1], outcomes[0], `${c.name}: CertLink's adapter answers as botbuilder's does`);
      assert.ok(outcomes[0].status >= (c.invoke ? 200 : 400), `${c.name}: the case is a real ${c.invoke ? 'invoke' : 'refusal'} (${outcomes[0].status})`);
    }
  });

  it('answers 400 to an activity without a type (where botbuilder throws; the route refuses it before either)', async () => {
    const res = new Recorded();
    let turns = 0;
    await processCheckedRequest({ method: 'POST', headers: {}, body: activity({ type: undefined }) }, res, async () => {
      turns += 1;
      return undefined;
    });
    assert.equal(res.statusCode, 400);
    assert.equal(turns, 0);
  });

  it('answers 401 to an authentication failure and 500 to anything else that fails before the turn', async () => {
    const authFailure = new (class AuthenticationError extends Error {})('Unauthorized Access. Request is not authorized');
    const cases: [unknown, number][] = [
      [authFailure, 401],
      [new Error('the store is down'), 500],
      ['not even an Error', 500],
    ];
    for (const [thrown, status] of cases) {
      const res = new Recorded();
      await processCheckedRequest({ method: 'POST', headers: { authorization: 'Bearer x' }, body: activity() }, res, async () => {
        throw thrown;
      });
      assert.equal(res.statusCode, status, String(thrown));
      assert.ok(res.ended);
    }
  });

  it('passes the authorization header to the turn as botbuilder reads it, and none when it is not text', async () => {
    const headers: string[] = [];
    const processActivity = async (auth: string) => {
      headers.push(auth);
      return undefined;
    };
    await processCheckedRequest({ method: 'POST', headers: { authorization: 'Bearer lower' }, body: activity() }, new Recorded(), processActivity);
    await processCheckedRequest({ method: 'POST', headers: { Authorization: 'Bearer upper' }, body: activity() }, new Recorded(), processActivity);
    await processCheckedRequest({ method: 'POST', headers: { authorization: ['Bearer a', 'Bearer b'] }, body: activity() }, new Recorded(), processActivity);
    assert.deepEqual(headers, ['Bearer lower', 'Bearer upper', '']);
  });

  it('leaves a web socket (four arguments) to botbuilder', async () => {
    const sdkProcess = sinon.stub(CloudAdapter.prototype, 'process').resolves();
    const adapter = new DirectReplyAdapter(localAuth());
    const socket = {};
    const head = Buffer.alloc(0);
    const logic = async (): Promise<void> => {};
    await adapter.process({ method: 'GET', headers: {} }, socket as never, head as never, logic);
    assert.equal(sdkProcess.callCount, 1);
    assert.deepEqual(sdkProcess.firstCall.args.slice(1), [socket, head, logic]);
  });
});
