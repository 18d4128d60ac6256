import { strict as assert } from 'node:assert';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { TestAdapter, TurnContext } from 'botbuilder';
import { teamsMembers } from '../../../../bot/runtime/botbuilder/botbuilderTurn';
import type { Turn } from '../../../../bot/runtime/turn';
import { teamsMemberEmail } from '../../../../bot/teams/memberEmail';
import { teamsMemberIds } from '../../../../bot/teams/mentions';
import { DEFAULT_MEMBER_NAME_LIMITS, teamsMemberNames, teamsMemberNamesWith } from '../../../../bot/teams/memberNames';
import { FakeConnector, startFakeConnector } from '../../../support/fakeConnector';

const alice = { id: '29:alice', aadObjectId: 'aad-alice', name: 'Alice', email: 'alice@contoso.com', userPrincipalName: 'alice@contoso.com' };

/** A turn as CloudAdapter builds it: the activity, and the turn's connector client with its credentials. */
function turn(serviceUrl: string, extra: { teamId?: string; sign?: (headers: { set(n: string, v: string): void }) => Promise<void> } = {}): Turn {
  const adapter = new TestAdapter();
  const context = new TurnContext(adapter, {
    type: 'message',
    serviceUrl,
    from: { id: '29:alice', name: 'Alice' },
    recipient: { id: '28:bot', name: 'bot' },
    conversation: { id: 'a:alice personal/chat', conversationType: 'personal', isGroup: false, name: '' },
    channelId: 'msteams',
    channelData: extra.teamId ? { team: { id: extra.teamId } } : {},
  });
  if (extra.sign) {
    const sign = extra.sign;
    context.turnState.set(adapter.ConnectorClientKey, { credentials: { signRequest: async (r: { headers: { set(n: string, v: string): void } }) => (await sign(r.headers), r) } });
  }
  return { activity: context.activity, members: teamsMembers(context, '') } as unknown as Turn;
}

describe('Teams member API (direct, signed by the turn credentials)', () => {
  let connector: FakeConnector;
  beforeEach(async () => {
    connector = await startFakeConnector({ members: [alice] });
  });
  afterEach(() => connector.close());

  it('reads the member at {serviceUrl}/v3/conversations/{id}/members/{userId}, with the turn token', async () => {
    const member = await turn(`${connector.url}/`, { sign: async (h) => h.set('Authorization', 'Bearer token-for-teams') }).members.get('29:alice');
    assert.equal(member?.email, 'alice@contoso.com');
    const request = connector.requests.at(-1)!;
    assert.equal(request.route, 'member');
    assert.equal(request.conversationId, 'a:alice personal/chat', 'the conversation id travels encoded and arrives whole');
    assert.equal(request.targetId, '29:alice');
    assert.equal(request.headers.authorization, 'Bearer token-for-teams');
  });

  it('asks the team, not the channel conversation, in a team (as TeamsInfo does)', async () => {
    await turn(connector.url, { teamId: '19:team-general@thread.tacv2' }).members.get('29:alice');
    assert.equal(connector.requests.at(-1)!.conversationId, '19:team-general@thread.tacv2');
  });

  it('names the ids an admin card shows by their Entra object id; unknown or nameless ids stay unnamed; at most 40 lookups', async () => {
    connector.setMember({ id: '29:benoit', aadObjectId: 'aad-benoit', name: ' ', email: 'benoit@contoso.com' } as never);
    const names = await teamsMemberNames.namesOf(turn(connector.url), ['aad-alice', 'aad-alice', 'aad-gone', 'aad-benoit', '']);
    assert.deepEqual([...names], [['aad-alice', 'Alice']]);
    assert.equal(connector.requests.filter((r) => r.route === 'member').length, 3, 'one lookup per distinct id');

    const many = Array.from({ length: 60 }, (_, i) => `aad-${i}`);
    await teamsMemberNames.namesOf(turn(connector.url), many);
    assert.equal(connector.requests.filter((r) => r.route === 'member').length, 3 + 40);
  });

  it('gives the names known when its time budget runs out, instead of holding the card', async () => {
    const slow = await startFakeConnector({
      members: [alice],
      respond: async (r) => (r.route === 'member' ? new Promise((resolve) => setTimeout(() => resolve(undefined), 600)) : undefined),
    });
    try {
      const lookup = teamsMemberNamesWith({ ...DEFAULT_MEMBER_NAME_LIMITS, budgetMs: 200 });
      const started = Date.now();
      const names = await lookup.namesOf(turn(slow.url), ['aad-alice', ...Array.from({ length: 20 }, (_, i) => `aad-${i}`)]);
      // 21 lookups of 600 ms, 5 at a time, would take about 3 s.
      assert.ok(Date.now() - started < 2000, `answered after ${Date.now() - started} ms`);
      assert.equal(names.size, 0, 'no lookup had answered yet');
      await new Promise((resolve) => setTimeout(resolve, 700));
      assert.equal(names.size, 0, 'an answer after the budget changes nothing');
      assert.ok(slow.requests.filter((r) => r.route === 'member').length <= 5, 'no new lookup starts after the budget');
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await slow.close();
    }
  });

  it('gives the email (or the UPN) and the Entra object id to the bot, null for an unknown member', async () => {
    assert.equal(await teamsMemberEmail.emailOf(turn(connector.url)), 'alice@contoso.com');
    assert.equal(await teamsMemberIds.aadObjectIdOf(turn(connector.url), '29:alice'), 'aad-alice');
    assert.equal(await teamsMemberIds.aadObjectIdOf(turn(connector.url), '29:nobody'), null);
    connector.setMember({ ...alice, email: undefined } as never);
    assert.equal(await teamsMemberEmail.emailOf(turn(connector.url)), 'alice@contoso.com', 'the UPN when Teams has no email');
  });

  it('tries once more after a 429 with a short Retry-After, and gives up on a long one', async () => {
    connector.failNext(429, { headers: { 'Retry-After': '0' } });
    assert.equal((await turn(connector.url).members.get('29:alice'))?.aadObjectId, 'aad-alice');
    connector.failNext(429, { headers: { 'Retry-After': '30' } });
    assert.equal(await turn(connector.url).members.get('29:alice'), null);
    // Retry-After may also be an HTTP date (parseRetryAfter, shared with the notice transport).
    connector.failNext(503, { headers: { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() } });
    assert.equal(await turn(connector.url).members.get('29:alice'), null);
  });

  it('answers null, never throws, on a refusal, a bad body, a failed signature, a bad serviceUrl, or silence', async () => {
    connector.failNext(403);
    assert.equal(await turn(connector.url).members.get('29:alice'), null);
    connector.setResponder(() => ({ status: 200, body: 'not json at all' }));
    assert.equal(await turn(connector.url).members.get('29:alice'), null);
    connector.setResponder(undefined);
    assert.equal(await turn(connector.url, { sign: async () => Promise.reject(new Error('no token')) }).members.get('29:alice'), null);
    assert.equal(await turn('ftp://example.test').members.get('29:alice'), null);
    assert.equal(await turn('not a url').members.get('29:alice'), null);

    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const started = Date.now();
      assert.equal(await turn(`http://127.0.0.1:${port}`).members.get('29:alice', { timeoutMs: 100 }), null);
      assert.ok(Date.now() - started < 2000);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
