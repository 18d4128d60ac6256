import assert from 'node:assert/strict';
import http from 'node:http';
import sinon from 'sinon';
import { ActivityHandler, TeamsInfo, TurnContext } from 'botbuilder';
import { BotHarness, startBotHarness, teamsMessage } from '../../support/httpBotHarness';
import { DEFAULT_TURN_ERROR_MESSAGE } from '../../../bot/runtime/botbuilder/turnErrorGuard';
import { StoreHealth } from '../../../services/kv/health';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text}`);
      await next();
    });
  }
}

/** Sends a body with chunked transfer encoding (no Content-Length), so only the reader can cap it. */
function postChunked(url: string, chunks: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('bot HTTP server (real restify + CloudAdapter + fake Teams connector)', () => {
  describe('local mode (no app id)', () => {
    let h: BotHarness;
    beforeEach(async () => {
      h = await startBotHarness({ bot: new EchoBot(), bodyLimitBytes: 16 * 1024 });
    });
    afterEach(async () => {
      await h.close();
    });

    it('answers a message and the reply reaches the connector at the activity serviceUrl, without a token', async () => {
      const activity = teamsMessage(h.connector.url, { text: 'hello there' });
      const res = await h.post(activity);
      assert.equal(res.status, 200);
      const [reply] = await h.connector.waitForReplies(1);
      assert.equal(reply.kind, 'reply');
      assert.equal(reply.activity.text, 'echo: hello there');
      assert.equal(reply.conversationId, 'a:personal-chat-1');
      assert.equal(reply.replyToId, activity.id);
      assert.equal(reply.authorization, undefined, 'local mode sends replies without a bearer token');
    });

    it('accepts a serviceUrl with a region prefix, as Teams sends them', async () => {
      const res = await h.post(teamsMessage(`${h.connector.url}/amer/`, { text: 'x' }));
      assert.equal(res.status, 200);
      const [reply] = await h.connector.waitForReplies(1);
      assert.equal(reply.activity.text, 'echo: x');
    });

    it('refuses a body that is not JSON with 400 invalid_json', async () => {
      const res = await h.post('{"type": "message", ');
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: string; reason: string };
      assert.equal(body.error, 'invalid_json');
      assert.match(body.reason, /not valid JSON/);
      assert.equal(h.connector.requests.length, 0);
    });

    it('refuses a binary upload with 415 and says to send JSON', async () => {
      const res = await fetch(`${h.botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: JSON.stringify(teamsMessage(h.connector.url)),
      });
      assert.equal(res.status, 415);
      assert.match(((await res.json()) as { reason: string }).reason, /application\/json/);
    });

    it('answers unknown paths and methods in the same error shape', async () => {
      const missing = await fetch(`${h.botUrl}/nope`);
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as { error: string }).error, 'resource_not_found');
      const wrongMethod = await fetch(`${h.botUrl}/api/messages`);
      assert.equal(wrongMethod.status, 405);
      assert.equal(((await wrongMethod.json()) as { error: string }).error, 'method_not_allowed');
    });

    it('refuses an empty body with 400 invalid_json', async () => {
      const res = await h.post('');
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { error: string }).error, 'invalid_json');
    });

    it('refuses an activity without conversation.id with 400 and says why', async () => {
      const activity = teamsMessage(h.connector.url, { conversation: {} as never });
      const res = await h.post(activity);
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: string; reason: string };
      assert.equal(body.error, 'invalid_activity');
      assert.match(body.reason, /conversation\.id/);
      assert.equal(h.connector.requests.length, 0);
    });

    it('refuses a JSON array body with 400, not 500', async () => {
      const res = await h.post('[1,2,3]');
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { error: string }).error, 'invalid_activity');
    });

    it('refuses a body over the limit with 413 (declared length)', async () => {
      const res = await h.post(teamsMessage(h.connector.url, { text: 'a'.repeat(20 * 1024) }));
      assert.equal(res.status, 413);
      const body = (await res.json()) as { error: string; reason: string };
      assert.equal(body.error, 'payload_too_large');
      assert.equal(h.connector.requests.length, 0);
    });

    it('refuses a chunked body over the limit with 413', async () => {
      const status = await postChunked(h.botUrl, ['{"type":"message","text":"', 'b'.repeat(10 * 1024), 'c'.repeat(10 * 1024), '"}']);
      assert.equal(status, 413);
      assert.equal(h.connector.requests.length, 0);
    });

    it('GET /healthz answers 200 ok', async () => {
      const res = await fetch(`${h.botUrl}/healthz`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
    });

    it('GET /readyz answers 200 when the store answers', async () => {
      const res = await fetch(`${h.botUrl}/readyz`);
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { status: string }).status, 'ok');
    });
  });

  describe('readiness with an unreachable store', () => {
    const stubs: Array<[string, StoreHealth]> = [
      ['ping() false', { kind: 'redis', ping: async () => false }],
      ['ping() throws', { kind: 'redis', ping: async () => Promise.reject(new Error('ECONNREFUSED')) }],
    ];
    for (const [label, health] of stubs) {
      it(`GET /readyz answers 503 when ${label}, while /healthz stays 200`, async () => {
        const h = await startBotHarness({ bot: new EchoBot(), health });
        try {
          const ready = await fetch(`${h.botUrl}/readyz`);
          assert.equal(ready.status, 503);
          assert.deepEqual(await ready.json(), { status: 'unavailable', store: 'redis' });
          assert.equal((await fetch(`${h.botUrl}/healthz`)).status, 200);
        } finally {
          await h.close();
        }
      });
    }
  });

  describe('with MicrosoftAppId set (channel authentication on)', () => {
    let h: BotHarness;
    let consoleError: sinon.SinonStub;
    beforeEach(async () => {
      // CloudAdapter.process() prints refused requests with console.error; keep test output clean.
      consoleError = sinon.stub(console, 'error');
      h = await startBotHarness({
        bot: new EchoBot(),
        microsoftAppId: '6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b',
        microsoftAppPassword: 'x',
      });
    });
    afterEach(async () => {
      consoleError.restore();
      await h.close();
    });

    it('answers 401 to a request without an Authorization header and sends nothing to the connector', async () => {
      const res = await h.post(teamsMessage(h.connector.url));
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { error: string }).error, 'unauthorized');
      assert.equal(h.connector.requests.length, 0);
    });

    it('answers 401 to a garbage bearer token and sends nothing to the connector', async () => {
      const res = await h.post(teamsMessage(h.connector.url), { authorization: 'Bearer garbage' });
      assert.equal(res.status, 401);
      assert.equal(h.connector.requests.length, 0);
    });
  });

  describe('an invoke the bot answers with an error', () => {
    const error = { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'action.verb must be a short string' } };
    let h: BotHarness;
    beforeEach(async () => {
      h = await startBotHarness({ bot: async (context: TurnContext) => void (await context.sendActivity({ type: 'invokeResponse', value: { status: 400, body: error } })) });
    });
    afterEach(async () => {
      await h.close();
    });

    it('passes the invoke response body through, so the client sees what was wrong', async () => {
      const res = await h.post(teamsMessage(h.connector.url, { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb: 5 } } }));
      assert.equal(res.status, 400);
      assert.deepEqual(await res.json(), error);
    });
  });

  describe('a turn that throws', () => {
    let h: BotHarness;
    beforeEach(async () => {
      h = await startBotHarness({
        bot: async (context: TurnContext) => {
          if (context.activity.text === 'member') {
            const member = await TeamsInfo.getMember(context, context.activity.from.id);
            await context.sendActivity(`member: ${member.name}`);
            return;
          }
          throw new Error('handler exploded');
        },
      });
    });
    afterEach(async () => {
      await h.close();
    });

    it('answers 200 to the channel, apologises to the user, and logs ids but not the text', async () => {
      const activity = teamsMessage(h.connector.url, { text: 'my secret alice@contoso.com' });
      const res = await h.post(activity);
      assert.equal(res.status, 200);
      const [reply] = await h.connector.waitForReplies(1);
      assert.equal(reply.activity.text, DEFAULT_TURN_ERROR_MESSAGE);
      const failure = h.logLines.find((line) => line.includes('turn failed'));
      assert.ok(failure, 'the failure is logged');
      assert.ok(failure.includes(activity.id as string));
      assert.ok(failure.includes('a:personal-chat-1'));
      assert.ok(!h.logLines.some((line) => line.includes('alice@contoso.com')), 'no user text in logs');
      // The server is still up for the next turn.
      assert.equal((await fetch(`${h.botUrl}/healthz`)).status, 200);
    });

    it('answers an invoke whose handler throws with 500, not 501', async () => {
      const res = await h.post(teamsMessage(h.connector.url, { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: {} }));
      assert.equal(res.status, 500);
      assert.equal(h.connector.replies.length, 0);
    });

    it('a member lookup reaches the connector and its answer comes back to the turn', async () => {
      h.connector.setMember({
        id: '29:user-1',
        name: 'Alice Martin',
        aadObjectId: '00000000-0000-0000-0000-000000000001',
        email: 'alice@contoso.com',
        userPrincipalName: 'alice@contoso.com',
        tenantId: 'tenant-1',
      } as never);
      const res = await h.post(teamsMessage(h.connector.url, { text: 'member' }));
      assert.equal(res.status, 200);
      const [reply] = await h.connector.waitForReplies(1);
      assert.equal(reply.activity.text, 'member: Alice Martin');
      assert.ok(h.connector.requests.some((r) => r.route === 'member' && r.targetId === '29:user-1'));
    });

    it('an unknown member is a 404 at the connector, which the turn guard turns into an apology', async () => {
      const res = await h.post(teamsMessage(h.connector.url, { text: 'member' }));
      assert.equal(res.status, 200);
      const [reply] = await h.connector.waitForReplies(1);
      assert.equal(reply.activity.text, DEFAULT_TURN_ERROR_MESSAGE);
    });
  });
});
