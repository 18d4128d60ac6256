/**
 * Operations endpoints as an attacker on the public port sees them: /metrics is not there (404),
 * it answers only on its own listener, bound to localhost by default and behind a bearer token
 * when configured; the tab pages may be framed by localhost pages in local mode only.
 */
import { strict as assert } from 'node:assert';
import pino from 'pino';
import { RunningApp, startCertLink } from '../../../bot/app';
import { ConfigError, Env, loadConfig } from '../../../bot/config';

const PRODUCTION: Env = {
  PORT: '0',
  METRICS_PORT: '0',
  LOG_LEVEL: 'silent',
  MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  MicrosoftAppPassword: 'not-used',
  DOWNLOAD_SIGNING_SECRET: 'operations-test-signing-secret-0123456789',
  PRIVACY_HASH_SECRET: 'operations-test-privacy-secret-0123456789',
  PUBLIC_BASE_URL: 'https://certlink.contoso.com',
};

async function withApp(env: Env, test: (app: RunningApp) => Promise<void>): Promise<void> {
  const app = await startCertLink(loadConfig(env), pino({ level: 'silent' }));
  try {
    await test(app);
  } finally {
    await app.close();
  }
}

describe('operations endpoints: /metrics off the public port, framing in local mode only', () => {
  it('answers 404 for /metrics on the public port, and serves it on its own listener on 127.0.0.1', () =>
    withApp(PRODUCTION, async (app) => {
      const onPublicPort = await fetch(`http://127.0.0.1:${app.port}/metrics`);
      assert.equal(onPublicPort.status, 404);
      assert.doesNotMatch(await onPublicPort.text(), /certlink_/);
      assert.ok(app.metricsPort && app.metricsPort !== app.port);
      const scraped = await fetch(`http://127.0.0.1:${app.metricsPort}/metrics`);
      assert.equal(scraped.status, 200);
      assert.match(await scraped.text(), /^certlink_process_resident_memory_bytes [1-9]/m);
      // The metrics listener is no second door to the bot.
      assert.equal((await fetch(`http://127.0.0.1:${app.metricsPort}/api/tab/me`)).status, 404);
      assert.equal((await fetch(`http://127.0.0.1:${app.metricsPort}/metrics`, { method: 'POST' })).status, 404);
    }));

  it('asks for the bearer token when METRICS_TOKEN is set: 401 without it or with another, 200 with it', () =>
    withApp({ ...PRODUCTION, METRICS_TOKEN: 'scrape-token-0123456789abcdef' }, async (app) => {
      const url = `http://127.0.0.1:${app.metricsPort}/metrics`;
      const none = await fetch(url);
      assert.equal(none.status, 401);
      assert.doesNotMatch(await none.text(), /certlink_/);
      assert.equal((await fetch(url, { headers: { authorization: 'Bearer scrape-token-0123456789abcdeX' } })).status, 401);
      assert.equal((await fetch(url, { headers: { authorization: 'Bearer scrape-token' } })).status, 401);
      const good = await fetch(url, { headers: { authorization: 'Bearer scrape-token-0123456789abcdef' } });
      assert.equal(good.status, 200);
      assert.match(await good.text(), /certlink_turns_total|certlink_process/);
    }));

  it('refuses to start with /metrics on a non-loopback address and no token', () => {
    assert.throws(
      () => loadConfig({ ...PRODUCTION, METRICS_HOST: '0.0.0.0' }),
      (err: unknown) => err instanceof ConfigError && /METRICS_TOKEN is required/.test(err.message),
    );
    assert.throws(() => loadConfig({ ...PRODUCTION, METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'short' }), ConfigError);
    assert.equal(loadConfig({ ...PRODUCTION, METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'scrape-token-0123456789abcdef' }).metrics.host, '0.0.0.0');
    assert.equal(loadConfig({}).metrics.host, '127.0.0.1');
  });

  it('lets localhost pages frame the tabs in local mode only', async () => {
    await withApp(PRODUCTION, async (app) => {
      const csp = (await fetch(`http://127.0.0.1:${app.port}/tab/my-certification.html`)).headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors .*https:\/\/teams\.microsoft\.com/);
      assert.doesNotMatch(csp, /localhost/);
    });
    await withApp({ PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'silent' }, async (app) => {
      const csp = (await fetch(`http://127.0.0.1:${app.port}/tab/my-certification.html`)).headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors .*http:\/\/localhost:\*/);
    });
  });
});
