import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../services/clock';
import { MemoryOnceStore } from '../../../services/memory/memoryOnceStore';
import { claimLinkUse, DownloadLinkSigner } from '../../../services/report/signedLink';

function setup() {
  const clock = new ManualClock('2026-03-01T09:00:00Z');
  const signer = new DownloadLinkSigner({ secret: 'a-test-secret-of-some-length', publicBaseUrl: 'https://bot.example/', clock });
  return { clock, signer };
}

function paramsOf(url: string): { org: string; by: string; exp: string; n: string; sig: string; fmt: string } {
  const q = new URL(url).searchParams;
  const get = (k: string) => q.get(k) ?? '';
  return { org: get('org'), by: get('by'), exp: get('exp'), n: get('n'), sig: get('sig'), fmt: get('fmt') };
}

describe('DownloadLinkSigner', () => {
  it('signs a link that verifies, under the public base URL, for 15 minutes', () => {
    const { signer, clock } = setup();
    const link = signer.sign('report', '1234567', 'admin-1', 'csv');
    const p = paramsOf(link.url);
    assert.ok(link.url.startsWith('https://bot.example/download/report?'));
    assert.equal(p.fmt, 'csv');
    assert.equal(link.expiresAt.toISOString(), '2026-03-01T09:15:00.000Z');
    assert.equal(signer.verify({ kind: 'report', ...p }), 'ok');
    clock.set('2026-03-01T09:14:59Z');
    assert.equal(signer.verify({ kind: 'report', ...p }), 'ok');
    clock.set('2026-03-01T09:15:00Z');
    assert.equal(signer.verify({ kind: 'report', ...p }), 'expired');
  });

  it('calls any edit tampered: org, requester, expiry, kind, signature, or a missing field', () => {
    const { signer } = setup();
    const p = paramsOf(signer.sign('report', '1234567', 'admin-1', 'csv').url);
    assert.equal(signer.verify({ kind: 'report', ...p, org: '7654321' }), 'tampered');
    assert.equal(signer.verify({ kind: 'report', ...p, by: 'admin-2' }), 'tampered');
    assert.equal(signer.verify({ kind: 'report', ...p, exp: String(Number(p.exp) + 3600) }), 'tampered');
    assert.equal(signer.verify({ kind: 'audit', ...p }), 'tampered');
    assert.equal(signer.verify({ kind: 'report', ...p, sig: p.sig.slice(0, -1) + (p.sig.endsWith('A') ? 'B' : 'A') }), 'tampered');
    assert.equal(signer.verify({ kind: 'report', ...p, sig: undefined }), 'tampered');
    assert.equal(signer.verify({ kind: 'report', ...p, exp: '12abc' }), 'tampered');
    assert.equal(signer.verify({ kind: 'report', ...p, n: undefined }), 'tampered');
    assert.equal(signer.verify({ kind: 'report', ...p, n: 'B'.repeat(22) }), 'tampered');
  });

  it('gives every link its own nonce, so each can be used once (claimLinkUse)', async () => {
    const { signer, clock } = setup();
    const a = paramsOf(signer.sign('report', '1234567', 'admin-1', 'csv').url);
    const b = paramsOf(signer.sign('report', '1234567', 'admin-1', 'csv').url);
    assert.notEqual(a.n, b.n);
    const once = new MemoryOnceStore(clock);
    assert.equal(await claimLinkUse(once, a, clock), true);
    assert.equal(await claimLinkUse(once, a, clock), false);
    assert.equal(await claimLinkUse(once, b, clock), true);
  });

  it('does not accept a link signed with another secret', () => {
    const { clock, signer } = setup();
    const other = new DownloadLinkSigner({ secret: 'another-secret-entirely', publicBaseUrl: 'https://bot.example', clock });
    const p = paramsOf(other.sign('report', '1234567', 'admin-1', 'csv').url);
    assert.equal(signer.verify({ kind: 'report', ...p }), 'tampered');
  });

  it('keeps an expired link tampered when it was also edited', () => {
    const { signer, clock } = setup();
    const p = paramsOf(signer.sign('audit', '1234567', 'admin-1', 'xlsx').url);
    clock.advanceDays(1);
    assert.equal(signer.verify({ kind: 'audit', ...p }), 'expired');
    assert.equal(signer.verify({ kind: 'audit', ...p, org: '7654321' }), 'tampered');
  });
});
