import { strict as assert } from 'node:assert';
import { createConnectorTransport } from '../../../../bot/runtime/botbuilder/proactiveTransport';
import { parseRetryAfter } from '../../../../bot/runtime/connector/connectorHttp';
import { MemoryConversationRefStore, MemoryNoticeLedger } from '../../../../services/memory/memoryNoticeStores';
import { NoticeDelivery } from '../../../../services/notices/delivery';
import { ConversationRef } from '../../../../services/notices/types';
import { ConnectorStandIn } from '../../../support/notices/connectorStandIn';

const localMode = { microsoftAppId: '', microsoftAppPassword: '', microsoftAppType: 'MultiTenant' as const, microsoftAppTenantId: '' };
const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.4', body: [] } };

describe('connector transport (botbuilder) against a local connector stand-in', () => {
  let standIn: ConnectorStandIn;
  let url: string;
  const ref = (conversationId: string, userId = conversationId): ConversationRef => ({
    serviceUrl: url,
    conversationId,
    tenantId: 'tenant-1',
    userId,
    botId: '28:bot',
    locale: 'fr',
  });

  beforeEach(async () => {
    standIn = new ConnectorStandIn({
      script: { throttled: [{ status: 429, retryAfterSeconds: 1 }], flaky: [{ status: 502 }] },
      removed: ['removed'],
      keepActivities: true,
    });
    url = await standIn.start();
  });
  afterEach(() => standIn.stop());

  it('posts the card to /v3/conversations/{id}/activities and maps errors, one request per send', async () => {
    const transport = createConnectorTransport(localMode);
    assert.deepEqual(await transport.send(ref('throttled'), card), { ok: false, status: 429, retryAfterSeconds: 1 });
    assert.deepEqual(await transport.send(ref('flaky'), card), { ok: false, status: 502 });
    assert.deepEqual(await transport.send(ref('removed'), card), { ok: false, status: 403 });
    assert.deepEqual(await transport.send(ref('throttled'), card), { ok: true });
    assert.equal(standIn.attempts.length, 4, 'the SDK retried nothing behind our back');
    const [delivered] = standIn.deliveries;
    assert.equal(delivered.conversationId, 'throttled');
    assert.deepEqual((delivered.activity?.attachments as unknown[])[0], card);
    assert.equal(delivered.tenantId, 'tenant-1');
  });

  it('delivery: 429 with Retry-After then 201 sends once; 403 forgets the removed person', async () => {
    const refs = new MemoryConversationRefStore();
    await refs.save(ref('throttled', 'alice'));
    await refs.save(ref('removed', 'bob'));
    const delivery = new NoticeDelivery({ transport: createConnectorTransport(localMode), refs, ledger: new MemoryNoticeLedger() });
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
    assert.ok(standIn.attempts[1].at - standIn.attempts[0].at >= 1000, 'waited for Retry-After');
    assert.equal(await refs.get('tenant-1', 'bob'), null);
    const s = delivery.stats();
    assert.deepEqual([s.sent, s.throttled, s.retried, s.dropped, s.duplicate], [1, 1, 1, 1, 1]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    assert.equal(parseRetryAfter('2', now), 2);
    assert.equal(parseRetryAfter('Sun, 01 Mar 2026 00:00:05 GMT', now), 5);
    assert.equal(parseRetryAfter('soon', now), undefined);
  });
});
