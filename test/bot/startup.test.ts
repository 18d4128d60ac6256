import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startCertLink } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging';
import { startBotProcess } from '../support/botProcess';
import { captureLogger } from '../support/httpBotHarness';

describe('start-up', () => {
  it('says the embedded store is not durable and local mode has no channel authentication', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const app = await startCertLink(loadConfig({ PORT: '0' }), createLogger('info', sink));
    try {
      const logged = lines.join('');
      assert.match(logged, /Data will NOT survive a restart/);
      assert.match(logged, /local mode: channel authentication is off/);
      const health = await fetch(`http://127.0.0.1:${app.port}/readyz`);
      assert.equal(health.status, 200);
    } finally {
      await app.close();
    }
  });

  it('warns outside local mode when the user hashes in logs have no shared key, and not once LOG_HASH_KEY is set', async () => {
    const logsOf = async (env: Record<string, string>) => {
      const captured = captureLogger();
      const secrets = { DOWNLOAD_SIGNING_SECRET: 'd'.repeat(32), PRIVACY_HASH_SECRET: 'p'.repeat(32), PUBLIC_BASE_URL: 'https://certlink.contoso.com' };
      const app = await startCertLink(loadConfig({ PORT: '0', MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'pw', ...secrets, ...env }), captured.log);
      await app.close();
      return captured.lines.join('');
    };
    assert.match(await logsOf({}), /LOG_HASH_KEY is not set/);
    assert.doesNotMatch(await logsOf({ LOG_HASH_KEY: 'a-key-shared-by-every-process' }), /LOG_HASH_KEY/);
  });

  it("starts the bot process with V8's allocation-site pretenuring off, unless V8_PRETENURING=true", async function () {
    this.timeout(30000);
    const flagsLogged = async (env: Record<string, string>): Promise<unknown> => {
      const bot = await startBotProcess(env);
      try {
        const line = bot.lines.map((l) => JSON.parse(l) as { msg?: string; v8Flags?: unknown }).find((l) => l.msg === 'runtime tuning');
        assert.ok(line, `no "runtime tuning" line in ${bot.lines.join('')}`);
        return line.v8Flags;
      } finally {
        await bot.stop();
      }
    };
    assert.deepEqual(await flagsLogged({}), ['--no-allocation-site-pretenuring']);
    assert.deepEqual(await flagsLogged({ V8_PRETENURING: 'true' }), []);
  });

  it('stops at once with a message naming the bad setting', () => {
    const index = path.resolve(__dirname, '../../bot/index.js');
    const out = spawnSync(process.execPath, [index], { env: { ...process.env, PORT: '3978', LIMIT_WINDOW_KIND: 'weekly' }, encoding: 'utf8', timeout: 15000 });
    assert.equal(out.status, 1);
    assert.match(out.stderr, /CertLink cannot start: LIMIT_WINDOW_KIND must be one of year, rolling, calendar/);
  });
});
