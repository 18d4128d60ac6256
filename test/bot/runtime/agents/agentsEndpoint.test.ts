/**
 * The Agents SDK runtime's endpoint, on its own, in local mode against a connector stand-in:
 * what it answers to activities the SDK cannot take, to Universal Actions invokes botbuilder
 * answers in its own words, to an invoke nobody handles, and to a turn that throws.
 */
import { strict as assert } from 'node:assert';
import pino from 'pino';
import { AgentsRuntime } from '../../../../bot/runtime/agents/agentsRuntime';
import type { ActivityEndpoint, Turn, TurnHandler } from '../../../../bot/runtime/turn';
import { ManualClock } from '../../../../services/clock';
import { MemoryDocumentStore } from '../../../../services/memory/memoryDocumentStore';
import { FakeConnector, startFakeConnector } from '../../../support/fakeConnector';

const LOCAL = { microsoftAppId: '', microsoftAppPassword: '', microsoftAppType: 'MultiTenant' as const, microsoftAppTenantId: '' };

describe('Agents SDK runtime: the endpoint’s answers', () => {
  let connector: FakeConnector;
  let endpoint: ActivityEndpoint;
  const clicks: unknown[] = [];

  before(async () => {
    connector = await startFakeConnector({ keepReplies: true });
    const handler: TurnHandler = {
      run: (_turn, dispatch) => dispatch(),
      message: async (turn: Turn) => {
        if (turn.activity.text === 'throw') throw new Error('boom');
        await turn.send({ text: `echo: ${turn.activity.text}` });
      },
      cardAction: async (_turn, action) => (clicks.push(action), { badRequest: 'no such card' }),
      unhandledInvoke: () => ({ status: 400, body: { error: 'unhandled' } }),
      installed: async () => undefined,
      uninstalled: async () => undefined,
      membersAdded: async () => undefined,
      signInPrompt: () => 'Sign in',
      signedIn: async () => undefined,
    };
    endpoint = new AgentsRuntime(LOCAL, pino({ level: 'silent' })).serve(handler, { session: { documents: new MemoryDocumentStore(new ManualClock('2026-01-05T09:00:00Z')) }, oauthConnectionName: '' });
  });
  after(() => connector.close());

  const activity = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    type: 'message',
    id: `m-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:alice', aadObjectId: 'aad-alice', name: '' },
    recipient: { id: '28:bot', name: 'CertLink' },
    conversation: { id: 'a:alice', tenantId: 't', conversationType: 'personal', name: '' },
    text: 'hello',
    ...extra,
  });

  it('replies from the recipient, to the conversation, in reply to the activity (empty strings read as absent)', async () => {
    const sent = connector.replies.length;
    const a = activity();
    assert.equal((await endpoint.process(a, {})).status, 200);
    const reply = connector.replies.at(-1)!;
    assert.equal(connector.replies.length, sent + 1);
    assert.equal(reply.conversationId, 'a:alice');
    assert.equal(reply.replyToId, a.id);
    assert.equal(reply.activity.text, 'echo: hello');
    assert.equal(reply.activity.from?.id, '28:bot');
    assert.equal((reply.activity as { channelId?: string }).channelId, 'msteams');
  });

  it('answers 400 to an activity without a recipient or one the SDK’s schema refuses, and runs nothing', async () => {
    const sent = connector.replies.length;
    assert.equal((await endpoint.process(activity({ recipient: undefined }), {})).status, 400);
    assert.equal((await endpoint.process(activity({ text: 42 }), {})).status, 400);
    assert.equal(connector.replies.length, sent);
  });

  it('answers Universal Actions as botbuilder does: the handler’s answer, or its 400s for a missing value or another action', async () => {
    const invoke = (value: unknown) => endpoint.process(activity({ type: 'invoke', name: 'adaptiveCard/action', text: undefined, value }), {});
    const answered = await invoke({ action: { type: 'Action.Execute', verb: 'link.confirm', data: { cardId: 'c1' } } });
    assert.deepEqual(answered, { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'no such card' } } });
    assert.deepEqual(clicks.at(-1), { verb: 'link.confirm', data: { cardId: 'c1' } });
    assert.deepEqual(await invoke(undefined), { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Missing value property' } } });
    assert.deepEqual(await invoke({ action: { type: 'Action.Submit' } }), {
      status: 400,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'NotSupported', message: "The action 'Action.Submit' is not supported." } },
    });
    assert.deepEqual(await endpoint.process(activity({ type: 'invoke', name: 'task/fetch', text: undefined }), {}), { status: 400, body: { error: 'unhandled' } });
  });

  it('a turn that throws: the message gets an apology and 200, an invoke a 500', async () => {
    assert.equal((await endpoint.process(activity({ text: 'throw' }), {})).status, 200);
    assert.match(String(connector.replies.at(-1)!.activity.text), /Sorry, something went wrong/);
    const failing = await endpoint.process(activity({ type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: {} }), {});
    assert.equal(failing.status, 500, 'a value without an action is botbuilder’s TypeError: a failed turn');
  });
});
