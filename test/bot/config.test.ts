import { strict as assert } from 'node:assert';
import { ConfigError, isLocalMode, loadConfig } from '../../bot/config';

describe('config: one module reads and checks every setting at start', () => {
  it('has working defaults: local mode, embedded store, sample data, Partner Center limits', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3978);
    assert.equal(isLocalMode(c), true);
    assert.equal(c.redisUrl, null);
    assert.match(c.orgsFile, /data\/orgs\.sample\.json$/);
    assert.deepEqual(c.limits, { maxPerWindow: 3, windowDays: 365, windowKind: 'year', cooldownDays: 30 });
    assert.deepEqual(c.renewals, { windowDays: 180, lastCallDays: 30 });
    assert.deepEqual(loadConfig({ RENEWAL_WINDOW_DAYS: '90', RENEWAL_LAST_CALL_DAYS: '14' }).renewals, { windowDays: 90, lastCallDays: 14 });
  });

  it('reads the limits and the window kind', () => {
    const c = loadConfig({ LIMIT_MAX_PER_WINDOW: '5', LIMIT_WINDOW_KIND: 'calendar', LIMIT_COOLDOWN_DAYS: '7', MicrosoftAppId: 'abc', DOWNLOAD_SIGNING_SECRET: 'x'.repeat(32), PRIVACY_HASH_SECRET: 'p'.repeat(32) });
    assert.deepEqual(c.limits, { maxPerWindow: 5, windowDays: 365, windowKind: 'calendar', cooldownDays: 7 });
    assert.equal(isLocalMode(c), false);
  });

  for (const [name, value, pattern] of [
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must start with redis:\/\//],
    ['LIMIT_WINDOW_KIND', 'weekly', /LIMIT_WINDOW_KIND must be one of year, rolling, calendar/],
    ['LIMIT_MAX_PER_WINDOW', '0', /LIMIT_MAX_PER_WINDOW must be a whole number from 1/],
    ['MicrosoftAppType', 'Other', /MicrosoftAppType must be one of/],
    ['LOG_HASH_KEY', 'short', /LOG_HASH_KEY must be at least 16 characters/],
    ['V8_PRETENURING', 'sometimes', /V8_PRETENURING must be true or false/],
    ['RENEWAL_WINDOW_DAYS', '0', /RENEWAL_WINDOW_DAYS must be a whole number from 1 to 365/],
    ['RENEWAL_LAST_CALL_DAYS', '180', /RENEWAL_LAST_CALL_DAYS \(180\) must be less than RENEWAL_WINDOW_DAYS \(180\)/],
  ] as const) {
    it(`stops with a clear message on a bad ${name}`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (err: unknown) => err instanceof ConfigError && pattern.test(err.message),
      );
    });
  }

  it('reads REDIS_CLUSTER_NODES as host:port lists or rediss:// URLs, and never echoes the access key of a bad one', () => {
    assert.equal(loadConfig({ REDIS_CLUSTER_NODES: 'rediss://:key@cache.example:10000' }).redisClusterNodes, 'rediss://:key@cache.example:10000');
    assert.throws(
      () => loadConfig({ REDIS_CLUSTER_NODES: 'rediss://:topsecret@cache.example:10000,rediss://:other@cache.example:10000' }),
      (err: unknown) => err instanceof ConfigError && /REDIS_CLUSTER_NODES must be/.test(err.message) && !/topsecret|other@/.test(err.message),
    );
    assert.throws(
      () => loadConfig({ REDIS_CLUSTER_NODES: 'cache.example' }),
      (err: unknown) => err instanceof ConfigError && /got "cache.example"/.test(err.message),
    );
  });

  it('reads the key of the user hashes in logs, or leaves it to a random key per process', () => {
    assert.equal(loadConfig({ LOG_HASH_KEY: ' k'.repeat(10) + ' ' }).logHashKey, 'k k k k k k k k k k');
    assert.equal(loadConfig({}).logHashKey, null);
  });

  it("turns V8's allocation-site pretenuring off unless V8_PRETENURING=true", () => {
    assert.equal(loadConfig({}).v8Pretenuring, false);
    assert.equal(loadConfig({ V8_PRETENURING: 'true' }).v8Pretenuring, true);
    assert.equal(loadConfig({ V8_PRETENURING: 'false' }).v8Pretenuring, false);
  });

  it('serves Teams only, and the Emulator too only in local mode when asked', () => {
    assert.deepEqual(loadConfig({}).servedChannels, ['msteams']);
    assert.deepEqual(loadConfig({ ALLOW_EMULATOR_CHANNEL: 'true' }).servedChannels, ['msteams', 'emulator']);
    const production = { MicrosoftAppId: 'abc', DOWNLOAD_SIGNING_SECRET: 'x'.repeat(32), PRIVACY_HASH_SECRET: 'p'.repeat(32) };
    assert.throws(() => loadConfig({ ...production, ALLOW_EMULATOR_CHANNEL: 'true' }), /ALLOW_EMULATOR_CHANNEL is for local mode only/);
  });

  it('requires a tenant for a single-tenant app', () => {
    assert.throws(() => loadConfig({ MicrosoftAppType: 'SingleTenant' }), /MicrosoftAppTenantId is required/);
  });
});
