import { strict as assert } from 'node:assert';
import { ConfigError, loadConfig } from '../../bot/config';

const secret = 'x'.repeat(40);

describe('config: download links', () => {
  it('requires DOWNLOAD_SIGNING_SECRET when MicrosoftAppId is set', () => {
    assert.throws(
      () => loadConfig({ MicrosoftAppId: 'app' }),
      (e: unknown) => e instanceof ConfigError && /DOWNLOAD_SIGNING_SECRET/.test(e.message),
    );
    assert.equal(loadConfig({ MicrosoftAppId: 'app', DOWNLOAD_SIGNING_SECRET: secret, PRIVACY_HASH_SECRET: secret }).downloadSigningSecret, secret);
  });

  it('makes a random per-process secret in local mode and says so', () => {
    const a = loadConfig({});
    const b = loadConfig({});
    assert.equal(a.downloadSigningSecretGenerated, true);
    assert.ok(a.downloadSigningSecret.length >= 32);
    assert.notEqual(a.downloadSigningSecret, b.downloadSigningSecret);
  });

  it('refuses a short secret and a bad base URL; defaults the base URL to localhost:PORT', () => {
    assert.throws(() => loadConfig({ DOWNLOAD_SIGNING_SECRET: 'short' }), ConfigError);
    assert.throws(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://x' }), ConfigError);
    assert.equal(loadConfig({ PORT: '4000', PUBLIC_BASE_URL: '' }).publicBaseUrl, 'http://localhost:4000');
    assert.equal(loadConfig({ PUBLIC_BASE_URL: 'https://bot.example/' }).publicBaseUrl, 'https://bot.example');
  });
});
