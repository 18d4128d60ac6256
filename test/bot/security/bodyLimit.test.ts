/**
 * The request-body limit on /api/messages, on the composed app (bot/app.ts):
 * a body over 256 KiB gets 413 and reaches no turn, declared or streamed.
 */
import { strict as assert } from 'node:assert';
import pino from 'pino';
import { startCertLink, RunningApp } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../../bot/http/server';
import { CONTOSO_TENANT } from '../../support/conversationHarness';
import { activityFrom, Member } from '../../support/liveBot';

const who: Member = { id: '29:big', aadObjectId: 'aad-big', tenantId: CONTOSO_TENANT, email: 'big@contoso.com', name: 'Big' };

describe('security: request-body size limit on the composed app', () => {
  let app: RunningApp;
  let url: string;

  before(async () => {
    app = await startCertLink(loadConfig({ PORT: '0' }), pino({ level: 'silent' }));
    url = `http://127.0.0.1:${app.port}/api/messages`;
  });

  after(async () => {
    await app?.close();
  });

  it('answers 413 to a body over 256 KiB, with a reason, and counts no turn', async () => {
    const body = JSON.stringify(activityFrom(who, 'http://127.0.0.1:9', { type: 'message', text: 'x'.repeat(DEFAULT_BODY_LIMIT_BYTES + 10) }));
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(res.status, 413);
    assert.deepEqual(await res.json(), { error: 'payload_too_large', reason: `The request body is larger than ${DEFAULT_BODY_LIMIT_BYTES} bytes` });
    assert.doesNotMatch(await app.metrics.text(), /^certlink_turns_total\{/m);
  });

  it('answers 413 to a streamed (chunked) body over the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > DEFAULT_BODY_LIMIT_BYTES + chunk.length) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    assert.equal(res.status, 413);
  });

  it('still serves a normal request afterwards', async () => {
    const res = await fetch(url.replace('/api/messages', '/healthz'));
    assert.equal(res.status, 200);
  });
});
