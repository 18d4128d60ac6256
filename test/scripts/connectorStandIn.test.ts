import assert from 'node:assert/strict';
import { FakeConnector, startFakeConnector } from '../../scripts/connectorStandIn';

const member = (n: number) => ({
  id: `29:user-${n}`,
  name: `User ${n}`,
  aadObjectId: `aad-${n}`,
  email: `user${n}@contoso.com`,
  userPrincipalName: `user${n}@contoso.com`,
  tenantId: 'tenant-1',
});

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('fake Teams connector', () => {
  let c: FakeConnector;
  beforeEach(async () => {
    c = await startFakeConnector({ members: [member(1)] });
  });
  afterEach(async () => {
    await c.close();
  });

  it('records replies, new messages and updates, decoding the conversation id', async () => {
    const cid = encodeURIComponent('19:abc@thread.tacv2;messageid=1');
    const reply = await post(`${c.url}/v3/conversations/${cid}/activities/in-1`, { type: 'message', text: 'a' });
    assert.equal(reply.status, 200);
    const sent = await post(`${c.url}/v3/conversations/${cid}/activities`, { type: 'message', text: 'b' });
    assert.equal(sent.status, 201);
    const { id } = (await sent.json()) as { id: string };
    const updated = await fetch(`${c.url}/v3/conversations/${cid}/activities/${id}`, {
      method: 'PUT',
      body: JSON.stringify({ type: 'message', text: 'c' }),
    });
    assert.equal(updated.status, 200);
    const replies = await c.waitForReplies(3);
    assert.deepEqual(
      replies.map((r) => [r.kind, r.activity.text, r.conversationId]),
      [
        ['reply', 'a', '19:abc@thread.tacv2;messageid=1'],
        ['send', 'b', '19:abc@thread.tacv2;messageid=1'],
        ['update', 'c', '19:abc@thread.tacv2;messageid=1'],
      ],
    );
    assert.equal(replies[0].replyToId, 'in-1');
    assert.equal(replies[2].id, id);
  });

  it('answers member lookups by id or aadObjectId, 404 when unknown', async () => {
    const byId = await fetch(`${c.url}/v3/conversations/x/members/${encodeURIComponent('29:user-1')}`);
    assert.equal(byId.status, 200);
    assert.equal(((await byId.json()) as { email: string }).email, 'user1@contoso.com');
    assert.equal((await fetch(`${c.url}/v3/conversations/x/members/aad-1`)).status, 200);
    assert.equal((await fetch(`${c.url}/v3/conversations/x/members/nobody`)).status, 404);
  });

  it('answers for the member as last set: a replaced member once, a new roster only', async () => {
    const emailOf = async (id: string) => {
      const res = await fetch(`${c.url}/v3/conversations/x/members/${encodeURIComponent(id)}`);
      return res.status === 200 ? ((await res.json()) as { email: string }).email : res.status;
    };
    c.setMember({ ...member(1), email: 'renamed@contoso.com' });
    assert.equal(await emailOf('aad-1'), 'renamed@contoso.com');
    c.setMember(member(7));
    assert.equal(await emailOf('29:user-7'), 'user7@contoso.com');
    const page = (await (await fetch(`${c.url}/v3/conversations/x/pagedmembers?pageSize=100`)).json()) as { members: Array<{ id: string }> };
    assert.equal(page.members.filter((m) => m.id === '29:user-1').length, 1, 'replaced, not added twice');
    c.setRoster([member(9)]);
    assert.equal(await emailOf('29:user-9'), 'user9@contoso.com');
    assert.equal(await emailOf('aad-1'), 404, 'the old roster is gone');
  });

  it('pages the roster with continuation tokens', async () => {
    c.setRoster([1, 2, 3, 4, 5].map(member));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const query = `pageSize=2${token ? `&continuationToken=${token}` : ''}`;
      const page = (await (await fetch(`${c.url}/v3/conversations/x/pagedmembers?${query}`)).json()) as {
        members: Array<{ id: string }>;
        continuationToken?: string;
      };
      seen.push(...page.members.map((m) => m.id));
      token = page.continuationToken;
      pages += 1;
    } while (token);
    assert.equal(pages, 3);
    assert.deepEqual(
      seen,
      [1, 2, 3, 4, 5].map((n) => `29:user-${n}`),
    );
  });

  it('fails the next matching requests as scripted (429 with Retry-After), then recovers', async () => {
    c.failNext(429, { headers: { 'Retry-After': '2' }, times: 2, when: (r) => r.route === 'send' });
    assert.equal((await post(`${c.url}/v3/conversations/x/activities/r`, { text: 'reply is not matched' })).status, 200);
    const first = await post(`${c.url}/v3/conversations/x/activities`, { text: 'x' });
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '2');
    assert.equal((await post(`${c.url}/v3/conversations/x/activities`, { text: 'x' })).status, 429);
    assert.equal((await post(`${c.url}/v3/conversations/x/activities`, { text: 'x' })).status, 201);
    assert.equal(c.replies.length, 2, 'failed sends are not recorded as replies');
    assert.equal(c.requests.length, 4, 'but every request is');
  });

  it('lets a responder override answers (e.g. 403 for a user who blocked the bot)', async () => {
    c.setResponder((r) => (r.conversationId === 'blocked' ? { status: 403, body: { error: { code: 'ConversationBlockedByUser' } } } : undefined));
    assert.equal((await post(`${c.url}/v3/conversations/blocked/activities`, {})).status, 403);
    assert.equal((await post(`${c.url}/v3/conversations/open/activities`, {})).status, 201);
    c.setResponder(undefined);
    assert.equal((await post(`${c.url}/v3/conversations/blocked/activities`, {})).status, 201);
  });

  it('waitForReplies rejects with a clear message on timeout', async () => {
    await assert.rejects(c.waitForReplies(1, 50), /expected 1 replies within 50 ms, got 0/);
  });
});
