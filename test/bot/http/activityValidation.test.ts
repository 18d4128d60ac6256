import assert from 'node:assert/strict';
import { ACTIVITY_LIMITS, validateActivity } from '../../../bot/http/activityValidation';

function valid(): Record<string, unknown> {
  return {
    type: 'message',
    id: 'm1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/amer/',
    from: { id: '29:user' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:conv' },
    text: 'status',
  };
}

function reasonFor(body: unknown): string {
  const result = validateActivity(body);
  assert.equal(result.ok, false, 'expected the activity to be refused');
  return (result as { reason: string }).reason;
}

describe('validateActivity', () => {
  it('accepts a well-formed Teams message and returns it', () => {
    const body = valid();
    const result = validateActivity(body);
    assert.equal(result.ok, true);
    assert.equal((result as { activity: unknown }).activity, body);
  });

  it('accepts a message without text (e.g. a card submit) and a plain http serviceUrl (local tools)', () => {
    const body = { ...valid(), text: undefined, serviceUrl: 'http://127.0.0.1:9999' };
    assert.equal(validateActivity(body).ok, true);
  });

  it('refuses non-objects', () => {
    for (const body of [null, 'x', 42, [], undefined]) assert.match(reasonFor(body), /JSON object/);
  });

  const cases: Array<[string, (b: Record<string, unknown>) => void, RegExp]> = [
    ['missing type', (b) => delete b.type, /^type must be a string/],
    ['empty type', (b) => (b.type = ' '), /^type must not be empty/],
    ['missing serviceUrl', (b) => delete b.serviceUrl, /^serviceUrl must be a string/],
    ['relative serviceUrl', (b) => (b.serviceUrl = '/v3/x'), /absolute URL/],
    ['ftp serviceUrl', (b) => (b.serviceUrl = 'ftp://example.com/'), /http or https/],
    ['missing channelId', (b) => delete b.channelId, /^channelId/],
    ['control character in channelId', (b) => (b.channelId = '\u0000'), /^channelId may hold only letters/],
    ['slash in channelId', (b) => (b.channelId = 'msteams/../x'), /^channelId may hold only letters/],
    ['missing conversation', (b) => delete b.conversation, /^conversation must be an object/],
    ['numeric conversation.id', (b) => (b.conversation = { id: 7 }), /^conversation\.id must be a string/],
    ['missing from', (b) => delete b.from, /^from must be an object/],
    // Found by the hostile-input property test: botbuilder copies these into the reply, which then cannot be sent.
    ['boolean locale', (b) => (b.locale = true), /^locale must be a string/],
    ['numeric from.name', (b) => (b.from = { id: '29:x', name: 5 }), /^from\.name must be a string/],
    ['numeric conversation.tenantId', (b) => (b.conversation = { id: 'c', tenantId: 1 }), /^conversation\.tenantId must be a string/],
    ['numeric conversation.aadObjectId', (b) => (b.conversation = { id: 'c', aadObjectId: 0 }), /^conversation\.aadObjectId must be a string/],
    ['object conversation.role', (b) => (b.conversation = { id: 'c', role: {} }), /^conversation\.role must be a string/],
    ['string conversation.isGroup', (b) => (b.conversation = { id: 'c', isGroup: 'no' }), /^conversation\.isGroup must be a boolean/],
    ['from without id', (b) => (b.from = { name: 'x' }), /^from\.id/],
    ['recipient without id', (b) => (b.recipient = {}), /^recipient\.id/],
    ['numeric text', (b) => (b.text = 5), /^text must be a string/],
    ['too long text', (b) => (b.text = 'x'.repeat(ACTIVITY_LIMITS.textChars + 1)), /^text is longer than 10000/],
    ['too long conversation id', (b) => (b.conversation = { id: 'c'.repeat(ACTIVITY_LIMITS.idChars + 1) }), /conversation\.id is longer/],
    // It travels in a reply header: found by the hostile-input property test, where it failed the turn.
    ['control character in conversation id', (b) => (b.conversation = { id: 'a:\u0000c' }), /conversation\.id must not hold control characters/],
    ['emoji in conversation id', (b) => (b.conversation = { id: 'a:c\u202e😀' }), /conversation\.id must not hold control characters or characters beyond Latin-1/],
    // Found by hand: the welcome read a string as the list of who joined, and the turn failed.
    ['membersAdded not a list', (b) => Object.assign(b, { type: 'conversationUpdate', membersAdded: 'x' }), /^membersAdded must be a list of accounts with an id/],
    ['membersRemoved without ids', (b) => Object.assign(b, { type: 'conversationUpdate', membersRemoved: [{ name: 'x' }] }), /^membersRemoved must be a list of accounts with an id/],
    [
      'invoke without name',
      (b) => {
        b.type = 'invoke';
        delete b.text;
      },
      /^name \(required for invoke/,
    ],
  ];
  for (const [label, mutate, expected] of cases) {
    it(`refuses ${label}`, () => {
      const body = valid();
      mutate(body);
      assert.match(reasonFor(body), expected);
    });
  }

  it('does not echo field values in the reason', () => {
    const body = { ...valid(), text: 'alice@contoso.com '.repeat(1000) };
    assert.ok(!reasonFor(body).includes('alice'));
  });

  it('accepts text at exactly the limit and a named invoke', () => {
    assert.equal(validateActivity({ ...valid(), text: 'x'.repeat(ACTIVITY_LIMITS.textChars) }).ok, true);
    assert.equal(validateActivity({ ...valid(), type: 'invoke', name: 'adaptiveCard/action', text: undefined }).ok, true);
  });
});
