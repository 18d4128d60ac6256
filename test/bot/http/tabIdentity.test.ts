import { strict as assert } from 'node:assert';
import { createTabIdentityVerifier, DEV_USER_HEADER, TabIdentityVerifier } from '../../../bot/http/tabIdentity';
import { ManualClock } from '../../../services/clock';
import { captureLogger } from '../../support/httpBotHarness';
import { FakeEntra, fakeEntra } from '../../support/tabTokens';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '6c1f3c4e-2a5b-4c8d-9e0f-1a2b3c4d5e6f';
const OTHER_TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('tab identity (Teams SSO token checked with jose)', () => {
  let entra: FakeEntra;
  let verify: TabIdentityVerifier;
  let logLines: string[];
  const clock = new ManualClock('2026-03-01T09:00:00Z');
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  before(async () => {
    entra = await fakeEntra(`api://certlink.contoso.com/${APP_ID}`);
  });
  beforeEach(() => {
    const { log, lines } = captureLogger();
    logLines = lines;
    verify = createTabIdentityVerifier({ appId: APP_ID, domain: 'certlink.contoso.com', keys: entra.keys, clock, log });
  });

  it('accepts a v2 token for api://<domain>/<appId> and takes the user and tenant from it', async () => {
    const r = await verify(bearer(await entra.token({ oid: 'aad-alice', tid: TENANT, preferred_username: 'alice@contoso.com' }, clock.now())));
    assert.deepEqual(r, { ok: true, identity: { userId: 'aad-alice', tenantId: TENANT, upn: 'alice@contoso.com', guest: false, via: 'sso' } });
  });

  it('never reads the unverified email claim: only the sign-in name (upn, else preferred_username)', async () => {
    const r = await verify(bearer(await entra.token({ oid: 'aad-mallory', tid: TENANT, upn: 'mallory@contoso.com', preferred_username: 'mallory@contoso.com', email: 'alice@contoso.com' }, clock.now())));
    assert.ok(r.ok);
    if (r.ok) assert.equal(r.identity.upn, 'mallory@contoso.com');
    assert.doesNotMatch(JSON.stringify(r), /alice/);
  });

  it('refuses an app-only token and a token without the access_as_user scope (401 at the API)', async () => {
    const now = clock.now();
    const cases: [string, string, RegExp][] = [
      ['app-only', await entra.token({ oid: 'svc', tid: TENANT, idtyp: 'app', scp: null }, now), /App-only tokens are not accepted/],
      ['app-only with a scope', await entra.token({ oid: 'svc', tid: TENANT, idtyp: 'app' }, now), /App-only tokens are not accepted/],
      ['no scope', await entra.token({ oid: 'aad-alice', tid: TENANT, scp: null }, now), /access_as_user scope/],
      ['another scope', await entra.token({ oid: 'aad-alice', tid: TENANT, scp: 'User.Read Mail.Read' }, now), /access_as_user scope/],
    ];
    for (const [name, token, reason] of cases) {
      const r = await verify(bearer(token));
      assert.equal(r.ok, false, name);
      if (!r.ok) assert.match(r.reason, reason, name);
    }
    assert.equal((await verify(bearer(await entra.token({ oid: 'aad-alice', tid: TENANT, scp: 'User.Read access_as_user' }, now)))).ok, true);
  });

  it('marks a guest (B2B) account: acct 1, another tenant as identity provider, or an #EXT# sign-in name', async () => {
    const now = clock.now();
    for (const claims of [{ acct: 1 }, { idp: `https://sts.windows.net/${OTHER_TENANT}/` }, { upn: 'hugo_fabrikam.com#EXT#@contoso.onmicrosoft.com' }]) {
      const r = await verify(bearer(await entra.token({ oid: 'aad-guest', tid: TENANT, ...claims }, now)));
      assert.ok(r.ok && r.identity.guest, JSON.stringify(claims));
    }
    const member = await verify(bearer(await entra.token({ oid: 'aad-alice', tid: TENANT, upn: 'alice@contoso.com' }, now)));
    assert.ok(member.ok && !member.identity.guest);
  });

  it('accepts a v1 token (sts.windows.net) whose audience is the bare app id', async () => {
    const token = await entra.token({ oid: 'aad-alice', tid: TENANT, aud: APP_ID, iss: `https://sts.windows.net/${TENANT}/` }, clock.now());
    const r = await verify(bearer(token));
    assert.equal(r.ok, true);
  });

  it('refuses a token for another app, an expired one, a forged one, and garbage', async () => {
    const now = clock.now();
    const cases: [string, string, RegExp][] = [
      ['other audience', await entra.token({ oid: 'u', tid: TENANT, aud: 'api://evil.example/other' }, now), /not for this app \(aud\)/],
      ['expired', await entra.token({ oid: 'u', tid: TENANT, expiresIn: -3600 }, now), /expired/],
      ['forged', await entra.forged({ oid: 'u', tid: TENANT }, now), /not valid/],
      ['garbage', 'abc.def.ghi', /not valid/],
    ];
    for (const [name, token, reason] of cases) {
      const r = await verify(bearer(token));
      assert.equal(r.ok, false, name);
      if (!r.ok) assert.match(r.reason, reason, name);
    }
  });

  it('refuses a token whose issuer is not the tenant it claims (a token of one tenant cannot name another)', async () => {
    const token = await entra.token({ oid: 'u', tid: TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }, clock.now());
    const r = await verify(bearer(token));
    assert.deepEqual(r, { ok: false, reason: 'The token was not issued by Entra ID for its tenant' });
  });

  it('ignores the development identity when an app id is set', async () => {
    const r = await verify({ [DEV_USER_HEADER]: `aad-alice;${TENANT}` });
    assert.equal(r.ok, false);
  });

  it('in local mode accepts the development identity, and logs that it did (without the sign-in name)', async () => {
    const { log, lines } = captureLogger();
    const local = createTabIdentityVerifier({ appId: '', domain: 'localhost:3978', clock, log });
    const r = await local({ [DEV_USER_HEADER]: `aad-alice;${TENANT};alice@contoso.com` });
    assert.deepEqual(r, { ok: true, identity: { userId: 'aad-alice', tenantId: TENANT, upn: 'alice@contoso.com', guest: false, via: 'dev' } });
    assert.ok(lines.some((l) => l.includes('DEVELOPMENT identity')));
    assert.ok(!lines.some((l) => l.includes('alice@contoso.com')));
    const bad = await local({ [DEV_USER_HEADER]: 'only-a-user' });
    assert.equal(bad.ok, false);
    // A token cannot be checked without an app: refused, not trusted.
    const tokenInLocal = await local(bearer(await entra.token({ oid: 'u', tid: TENANT }, clock.now())));
    assert.equal(tokenInLocal.ok, false);
    assert.equal(logLines.length, 0);
  });
});
