import { strict as assert } from 'node:assert';
import { Activity, ActivityTypes, CardFactory, INVOKE_RESPONSE_KEY, MessageFactory, TurnContext } from 'botbuilder';
import { ConnectorReplyError, DirectReplyAdapter } from '../../../../bot/runtime/botbuilder/directReplyAdapter';
import { FakeConnector, startFakeConnector } from '../../../support/fakeConnector';

/** A turn as CloudAdapter builds it: the incoming activity, and a connector client whose credentials sign. */
function turnOn(adapter: DirectReplyAdapter, serviceUrl: string, token?: string): TurnContext {
  const context = new TurnContext(adapter, {
    type: 'message',
    id: 'incoming-1',
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:alice', name: 'Alice' },
    recipient: { id: '28:bot', name: 'bot' },
    conversation: { id: 'a:alice personal/chat', conversationType: 'personal', isGroup: false, name: '' },
    text: 'status',
  });
  const signRequest = async (request: { headers: { set(n: string, v: string): void } }) => {
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  };
  context.turnState.set(adapter.ConnectorClientKey, { credentials: { signRequest } });
  return context;
}

describe('DirectReplyAdapter (replies posted straight to the connector)', () => {
  let connector: FakeConnector;
  let adapter: DirectReplyAdapter;
  beforeEach(async () => {
    connector = await startFakeConnector();
    adapter = new DirectReplyAdapter(undefined, { maxRetryAfterMs: 200, timeoutMs: 2000 });
  });
  afterEach(() => connector.close());

  it('posts a reply to the incoming activity, whole card and all, with the turn token, and gives back the connector id', async () => {
    const context = turnOn(adapter, `${connector.url}/`, 'token-for-teams');
    const card = CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Linked to Contoso' }] });
    const response = await context.sendActivity(MessageFactory.attachment(card));

    assert.equal(connector.replies.length, 1);
    const reply = connector.replies[0];
    assert.equal(reply.kind, 'reply');
    assert.equal(reply.conversationId, 'a:alice personal/chat', 'the conversation id travels encoded and arrives whole');
    assert.equal(reply.replyToId, 'incoming-1');
    assert.equal(reply.authorization, 'Bearer token-for-teams');
    const request = connector.requests.find((r) => r.route === 'reply')!;
    assert.equal(request.headers['x-ms-conversation-id'], 'a:alice personal/chat', 'as the SDK sends it');
    assert.match(String(request.headers['content-type']), /^application\/json/);
    assert.deepEqual(reply.activity.attachments, [card]);
    assert.equal(reply.activity.recipient?.id, '29:alice');
    assert.equal(reply.activity.from?.id, '28:bot');
    assert.equal(response?.id, reply.id);
    assert.ok(context.responded);
  });

  it('sends without a token in local mode, and to the conversation when there is nothing to reply to', async () => {
    const context = turnOn(adapter, connector.url);
    await context.sendActivities([
      { type: 'message', text: 'one' },
      { type: 'message', text: 'two' },
    ]);
    const proactive = turnOn(adapter, connector.url);
    delete (proactive.activity as Partial<Activity>).id;
    await proactive.sendActivity('three');

    assert.deepEqual(
      connector.replies.map((r) => [r.kind, r.activity.text, r.authorization]),
      [
        ['reply', 'one', undefined],
        ['reply', 'two', undefined],
        ['send', 'three', undefined],
      ],
    );
  });

  it('still replies in a conversation whose id could not travel in a header', async () => {
    const context = turnOn(adapter, connector.url);
    (context.activity.conversation as { id: string }).id = 'a:conversation\u00e9\n';
    await context.sendActivity('hello');
    assert.equal(connector.replies[0].conversationId, 'a:conversation\u00e9\n');
    assert.equal(connector.requests[0].headers['x-ms-conversation-id'], undefined);
  });

  it('tries a 429 once more after a short Retry-After, and the message arrives once', async () => {
    connector.failNext(429, { headers: { 'Retry-After': '0' } });
    await turnOn(adapter, connector.url).sendActivity('after a pause');
    assert.equal(connector.requests.filter((r) => r.route === 'reply').length, 2);
    assert.deepEqual(
      connector.replies.map((r) => r.activity.text),
      ['after a pause'],
    );
  });

  it('does not wait out a long Retry-After inside a turn: the error carries the status and the header', async () => {
    connector.failNext(429, { headers: { 'Retry-After': '30' } });
    const error = await turnOn(adapter, connector.url)
      .sendActivity('too soon')
      .then(
        () => assert.fail('the send should fail'),
        (err: unknown) => err,
      );
    assert.ok(error instanceof ConnectorReplyError);
    assert.equal(error.statusCode, 429);
    assert.equal(error.response.headers['retry-after'], '30');
    assert.equal(connector.replies.length, 0);
  });

  it('never re-sends after a 5xx (the message may already be in the chat)', async () => {
    connector.failNext(500);
    await assert.rejects(turnOn(adapter, connector.url).sendActivity('once'), (err: unknown) => err instanceof ConnectorReplyError && err.statusCode === 500);
    assert.equal(connector.requests.filter((r) => r.route === 'reply').length, 1);
  });

  it('rejects clearly when the connector cannot be reached', async () => {
    const gone = connector.url;
    await connector.close();
    await assert.rejects(turnOn(adapter, gone).sendActivity('nobody there'), /ECONNREFUSED/);
    connector = await startFakeConnector(); // for afterEach
  });

  it('leaves an invoke response to botbuilder: it goes into the HTTP answer, not to the connector', async () => {
    const context = turnOn(adapter, connector.url);
    await context.sendActivities([
      { type: ActivityTypes.InvokeResponse, value: { status: 200, body: { ok: true } } },
      { type: 'message', text: 'and a message' },
    ]);
    assert.deepEqual(context.turnState.get(INVOKE_RESPONSE_KEY)?.value, { status: 200, body: { ok: true } });
    assert.deepEqual(
      connector.replies.map((r) => r.activity.text),
      ['and a message'],
    );
  });
});
