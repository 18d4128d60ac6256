/**
 * The Agents SDK runtime's own calls to the connector, against local stand-ins: proactive notices
 * from stored conversation references (one request per send, errors mapped for delivery), the
 * member lookup, the paged roster and a new personal chat, each signed as the runtime signs.
 */
import { strict as assert } from 'node:assert';
import { AgentsProactiveTransport } from '../../../../bot/runtime/agents/proactiveTransport';
import { teamsMembers } from '../../../../bot/runtime/agents/agentsTurn';
import type { SignRequest } from '../../../../bot/runtime/connector/connectorHttp';
import type { ChannelActivity } from '../../../../bot/runtime/turn';
import { MemoryConversationRefStore, MemoryNoticeLedger } from '../../../../services/memory/memoryNoticeStores';
import { NoticeDelivery } from '../../../../services/notices/delivery';
import type { ConversationRef } from '../../../../services/notices/types';
import { FakeConnector, startFakeConnector } from '../../../support/fakeConnector';
import { ConnectorStandIn } from '../../../support/notices/connectorStandIn';

const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.4', body: [] } };
const signed: SignRequest = async (headers) => void (headers.authorization = 'Bearer app-token');
const unsigned: SignRequest = async () => undefined;

describe('Agents SDK runtime: proactive notices from stored conversation references', () => {
  let standIn: ConnectorStandIn;
  let url: string;
  const ref = (conversationId: string, userId = conversationId): ConversationRef => ({ serviceUrl: url, conversationId, tenantId: 'tenant-1', userId, botId: '28:bot', locale: 'fr' });

  beforeEach(async () => {
    standIn = new ConnectorStandIn({ script: { throttled: [{ status: 429, retryAfterSeconds: 1 }], flaky: [{ status: 502 }] }, removed: ['removed'], keepActivities: true });
    url = await standIn.start();
  });
  afterEach(() => standIn.stop());

  it('posts the card to /v3/conversations/{id}/activities and maps errors, one request per send', async () => {
    const transport = new AgentsProactiveTransport(unsigned);
    assert.deepEqual(await transport.send(ref('throttled'), card), { ok: false, status: 429, retryAfterSeconds: 1 });
    assert.deepEqual(await transport.send(ref('flaky'), card), { ok: false, status: 502 });
    assert.deepEqual(await transport.send(ref('removed'), card), { ok: false, status: 403 });
    assert.deepEqual(await transport.send(ref('throttled'), card), { ok: true });
    assert.equal(standIn.attempts.length, 4, 'nothing retried behind delivery’s back');
    const [delivered] = standIn.deliveries;
    assert.equal(delivered.conversationId, 'throttled');
    assert.deepEqual((delivered.activity?.attachments as unknown[])[0], card);
    assert.equal(delivered.tenantId, 'tenant-1');
  });

  it('delivery: 429 with Retry-After then 201 sends once; 403 forgets the removed person', async () => {
    const refs = new MemoryConversationRefStore();
    await refs.save(ref('throttled', 'alice'));
    await refs.save(ref('removed', 'bob'));
    const delivery = new NoticeDelivery({ transport: new AgentsProactiveTransport(unsigned), refs, ledger: new MemoryNoticeLedger() });
    const item = (userId: string) => ({ key: `notice:tenant-1:${userId}:2026-03-01`, tenantId: 'tenant-1', userId, card: () => card });
    assert.equal(await delivery.deliver(item('alice')), 'sent');
    assert.equal(await delivery.deliver(item('bob')), 'dropped');
    assert.equal(await delivery.deliver(item('alice')), 'duplicate');
    assert.deepEqual(
      standIn.attempts.map((a) => [a.conversationId, a.status]),
      [
        ['throttled', 429],
        ['throttled', 201],
        ['removed', 403],
      ],
    );
    assert.equal(await refs.get('tenant-1', 'bob'), null);
  });

  it('a send that cannot get a token or reach the connector is a network error (status 0), not a throw', async () => {
    const noToken = new AgentsProactiveTransport(async () => Promise.reject(new Error('no token')));
    assert.deepEqual(await noToken.send(ref('throttled'), card), { ok: false, status: 0 });
    assert.deepEqual(await new AgentsProactiveTransport(unsigned).send({ ...ref('x'), serviceUrl: 'http://127.0.0.1:9/' }, card), { ok: false, status: 0 });
  });
});

describe('Agents SDK runtime: Teams member APIs on the connector', () => {
  let connector: FakeConnector;
  const alice = { id: '29:alice', aadObjectId: 'aad-alice', name: 'Alice', email: 'alice@contoso.com', userPrincipalName: 'alice@contoso.com' };
  const activity = (extra: Partial<ChannelActivity> = {}): ChannelActivity => ({
    type: 'message',
    serviceUrl: connector.url,
    channelId: 'msteams',
    from: { id: '29:alice' },
    recipient: { id: '28:bot', name: 'CertLink' },
    conversation: { id: '19:general@thread.tacv2', conversationType: 'channel' },
    ...extra,
  });

  beforeEach(async () => {
    connector = await startFakeConnector({ members: [alice] });
  });
  afterEach(() => connector.close());

  it('reads one member, signed with the app token, asking the team in a team', async () => {
    const member = await teamsMembers(activity({ channelData: { team: { id: '19:team@thread.tacv2' } } }), signed).get('29:alice');
    assert.equal(member?.email, 'alice@contoso.com');
    const request = connector.requests.at(-1)!;
    assert.equal(request.conversationId, '19:team@thread.tacv2');
    assert.equal(request.headers.authorization, 'Bearer app-token');
    assert.equal(await teamsMembers(activity(), signed).get('29:nobody'), null);
  });

  it('walks the paged roster with its continuation tokens', async () => {
    const roster = Array.from({ length: 5 }, (_, i) => ({ id: `29:p${i}`, aadObjectId: `aad-${i}`, name: `P${i}` }));
    connector.setRoster(roster as never);
    const pages: string[][] = [];
    for await (const page of teamsMembers(activity({ channelData: { team: { id: '19:team@thread.tacv2' } } }), signed).pages(2)) pages.push(page.map((m) => m.id ?? ''));
    assert.deepEqual(pages, [['29:p0', '29:p1'], ['29:p2', '29:p3'], ['29:p4']]);
    const asked = connector.requests.filter((r) => r.route === 'pagedMembers');
    assert.deepEqual(
      asked.map((r) => [r.conversationId, r.query.get('pageSize'), r.query.get('continuationToken')]),
      [
        ['19:team@thread.tacv2', '2', null],
        ['19:team@thread.tacv2', '2', '2'],
        ['19:team@thread.tacv2', '2', '4'],
      ],
    );
  });

  it('opens a personal chat with a member of the team and gives its id', async () => {
    const id = await teamsMembers(activity(), signed).openPersonalChat('29:alice', 'tenant-1');
    assert.match(id ?? '', /^conversation-/);
    const request = connector.requests.find((r) => r.route === 'createConversation')!;
    const body = request.body as { isGroup: boolean; members: { id: string }[]; tenantId: string; bot: { id: string } };
    assert.deepEqual([body.isGroup, body.members[0].id, body.tenantId, body.bot.id], [false, '29:alice', 'tenant-1', '28:bot']);
    assert.equal(request.headers.authorization, 'Bearer app-token');
  });
});
