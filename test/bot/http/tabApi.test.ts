import { strict as assert } from 'node:assert';
import { runInNewContext } from 'node:vm';
import { RunningApp, startCertLink } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { DEV_USER_HEADER } from '../../../bot/http/tabIdentity';
import { MyCertificationView, SkillsReportView, TAB_API_PATHS } from '../../../bot/http/tabApi';
import { ManualClock } from '../../../services/clock';
import { captureLogger } from '../../support/httpBotHarness';
import { FakeEntra, fakeEntra } from '../../support/tabTokens';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const CONTOSO = '6c1f3c4e-2a5b-4c8d-9e0f-1a2b3c4d5e6f';
const FABRIKAM = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const CONTOSO_ADMIN = '00000000-0000-4000-8000-0000000000a1';
const FABRIKAM_ADMIN = '00000000-0000-4000-8000-0000000000b1';

describe('tab API (/api/tab/me, /api/tab/report) on the real composition root', () => {
  let app: RunningApp;
  let base: string;
  let entra: FakeEntra;
  let logLines: string[];
  const clock = new ManualClock('2026-03-01T09:00:00Z');

  before(async () => {
    entra = await fakeEntra(`api://certlink.contoso.com/${APP_ID}`);
    const config = loadConfig({
      PORT: '0',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used',
      DOWNLOAD_SIGNING_SECRET: 'tab-api-test-secret-0123456789abcdef',
      PRIVACY_HASH_SECRET: 'tab-api-test-privacy-secret-0123456789',
      PUBLIC_BASE_URL: 'https://certlink.contoso.com',
      LOG_LEVEL: 'debug',
    });
    const { log, lines } = captureLogger();
    logLines = lines;
    app = await startCertLink(config, log, { clock, tabTokenKeys: entra.keys });
    base = `http://127.0.0.1:${app.port}`;
    // Alice linked to Contoso on 1 February; Karen to Fabrikam.
    clock.set('2026-02-01T10:00:00Z');
    await app.services.associations.link('10203040', { mpnId: '1234567', tenantId: CONTOSO, userId: 'aad-alice', proof: 'email' });
    await app.services.associations.link('10214150', { mpnId: '7654321', tenantId: FABRIKAM, userId: 'aad-karen', proof: 'email' });
    clock.set('2026-03-01T09:00:00Z');
  });
  after(() => app.close());

  async function get(path: string, token?: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}`, ...headers } : headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const tokenFor = (oid: string, tid: string, email?: string) => entra.token({ oid, tid, preferred_username: email }, clock.now());
  async function post(path: string, token?: string) {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it("shows the person their link, this year's associations with dates, and the next allowed date", async () => {
    const r = await get('/api/tab/me', await tokenFor('aad-alice', CONTOSO));
    assert.equal(r.status, 200);
    const me = r.body as unknown as MyCertificationView;
    assert.deepEqual(me.link, { mcid: '10203040', mpnId: '1234567', orgName: 'Contoso', since: '2026-02-01T10:00:00.000Z', proof: 'email' });
    assert.deepEqual(me.associations, [{ mpnId: '1234567', orgName: 'Contoso', at: '2026-02-01T10:00:00.000Z' }]);
    assert.equal(me.nextAllowedDate, '2026-03-03');
    assert.equal(me.allowedNow, false);
    assert.deepEqual(me.blockedBy, ['cooldown']);
    assert.equal(me.identity.via, 'sso');
    assert.deepEqual(me.notices, { enabled: true });
    // The profile's certifications, with which have expired (AZ-400 in 2025) on the clock's day.
    assert.deepEqual(
      me.certifications.map((c) => [c.number, c.expiresOn, c.expired]),
      [
        ['AZ-400', '2025-09-04', true],
        ['DP-600', '2026-10-02', false],
        ['AZ-104', '2027-04-02', false],
        ['AZ-204', null, false],
      ],
    );
    assert.equal(me.certifications[3].title, 'Developing Solutions for Microsoft Azure', 'the number is not repeated from Partner Center’s exam title');
  });

  it('shows the notice setting the person chose in chat ("stop notifications")', async () => {
    await app.services.notices?.prefs.setNoticesEnabled(CONTOSO, 'aad-alice', false);
    const r = await get('/api/tab/me', await tokenFor('aad-alice', CONTOSO));
    assert.deepEqual((r.body as unknown as MyCertificationView).notices, { enabled: false });
    await app.services.notices?.prefs.setNoticesEnabled(CONTOSO, 'aad-alice', true);
  });

  it('finds the profile of an unlinked person by their sign-in email, and says they can link today', async () => {
    const r = await get('/api/tab/me', await tokenFor('aad-benoit', CONTOSO, 'Benoit@Contoso.com'));
    const me = r.body as unknown as MyCertificationView;
    assert.equal(me.link, null);
    assert.equal(me.mcid, '10204151');
    assert.equal(me.allowedNow, true);
    assert.deepEqual(me.associations, []);
    assert.deepEqual(
      me.certifications.map((c) => c.number),
      ['PL-900', 'AZ-204', 'MS-102', 'AZ-104'],
      'the profile of their email, not linked yet',
    );
  });

  it("never shows someone else's link: Alice's MCID seen by another person with her email is not their link", async () => {
    const r = await get('/api/tab/me', await tokenFor('aad-mallory', CONTOSO, 'alice@contoso.com'));
    assert.equal((r.body as unknown as MyCertificationView).link, null);
  });

  it("gives an admin their own org's report, one entry per person with the states of their certifications, expiries by month, and a download link made at the click that works once", async () => {
    const token = await tokenFor(CONTOSO_ADMIN, CONTOSO);
    const r = await get('/api/tab/report', token);
    assert.equal(r.status, 200);
    const report = r.body as unknown as SkillsReportView;
    assert.equal(report.org.name, 'Contoso');
    assert.equal(report.summary.linked, 1);
    assert.deepEqual(
      report.people.map((p) => [p.mcid, p.firstName, p.linkedSince, p.certifications.map(([title, , , expiresOn, state]) => `${report.titles[title]}: ${expiresOn || 'never'} ${state}`)]),
      [
        [
          '10203040',
          'Alice',
          '2026-02-01',
          [
            'Microsoft Certified: DevOps Engineer Expert: 2025-09-04 expired',
            'Microsoft Certified: Fabric Analytics Engineer Associate: 2026-10-02 valid',
            'Microsoft Certified: Azure Administrator Associate: 2027-04-02 valid',
            'Exam AZ-204: Developing Solutions for Microsoft Azure: never valid',
          ],
        ],
      ],
    );
    assert.deepEqual(report.states, { valid: 3, expiring: 0, expired: 1 });
    assert.equal(report.expiringWithinDays, 90);
    // March 2026 to February 2027: only DP-600's October expiry falls in them.
    assert.deepEqual(report.expiriesByMonth.length, 12);
    assert.deepEqual([report.expiriesByMonth[0].month, report.expiriesByMonth[11].month], ['2026-03', '2027-02']);
    assert.deepEqual(
      report.expiriesByMonth.filter((m) => m.count > 0),
      [{ month: '2026-10', count: 1 }],
    );
    assert.equal(report.truncated, false);
    assert.equal(report.emptyMessage, null);
    // The view holds no download URL, only where to ask for one with the token.
    assert.doesNotMatch(JSON.stringify(report), /\/download\/|sig=/);
    const made = await post(report.downloads.csv, token);
    assert.equal(made.status, 200);
    const csvUrl = new URL(String(made.body.url));
    assert.equal(csvUrl.origin, 'https://certlink.contoso.com');
    assert.equal(csvUrl.searchParams.get('by'), CONTOSO_ADMIN);
    const csv = await fetch(`${base}${csvUrl.pathname}${csvUrl.search}`);
    assert.equal(csv.status, 200);
    assert.match(await csv.text(), /10203040/);
    // The same link again, by anyone: gone.
    const again = await fetch(`${base}${csvUrl.pathname}${csvUrl.search}`);
    assert.equal(again.status, 410);
    assert.doesNotMatch(await again.text(), /10203040/);
  });

  it('makes no download link for a non-admin, a guest, or without a token', async () => {
    const alice = await post(`${TAB_API_PATHS.download}?fmt=csv`, await tokenFor('aad-alice', CONTOSO));
    assert.equal(alice.status, 403);
    assert.equal(alice.body.url, undefined);
    const guest = await post(`${TAB_API_PATHS.download}?fmt=xlsx`, await entra.token({ oid: CONTOSO_ADMIN, tid: CONTOSO, idp: `https://sts.windows.net/${FABRIKAM}/` }, clock.now()));
    assert.equal(guest.status, 403);
    assert.equal(guest.body.url, undefined);
    assert.equal((await post(`${TAB_API_PATHS.download}?fmt=csv`)).status, 401);
  });

  it('refuses the report to a non-admin with a clear 403, and gives them no data', async () => {
    const r = await get('/api/tab/report', await tokenFor('aad-alice', CONTOSO));
    assert.equal(r.status, 403);
    assert.equal(r.body.error, 'not_admin');
    assert.match(String(r.body.reason), /Only the global admins and partner admins of Contoso/);
    assert.equal(r.body.people, undefined);
  });

  it("never reads another tenant's data: Fabrikam's admin sees Fabrikam only, and Contoso's admin id in Fabrikam's tenant is nobody", async () => {
    const fab = await get('/api/tab/report', await tokenFor(FABRIKAM_ADMIN, FABRIKAM));
    assert.equal(fab.status, 200);
    const report = fab.body as unknown as SkillsReportView;
    assert.equal(report.org.name, 'Fabrikam');
    assert.deepEqual(
      report.people.map((p) => p.mcid),
      ['10214150'],
    );
    const crossed = await get('/api/tab/report', await tokenFor(CONTOSO_ADMIN, FABRIKAM));
    assert.equal(crossed.status, 403);
  });

  it('answers 401 without a token, with a forged or expired one, and to the dev identity (an app id is set)', async () => {
    assert.equal((await get('/api/tab/me')).status, 401);
    assert.equal((await get('/api/tab/me', await entra.forged({ oid: CONTOSO_ADMIN, tid: CONTOSO }, clock.now()))).status, 401);
    assert.equal((await get('/api/tab/report', await entra.token({ oid: CONTOSO_ADMIN, tid: CONTOSO, expiresIn: -120 }, clock.now()))).status, 401);
    const dev = await get('/api/tab/report', undefined, { [DEV_USER_HEADER]: `${CONTOSO_ADMIN};${CONTOSO}` });
    assert.equal(dev.status, 401);
    assert.ok(!logLines.some((l) => l.includes('DEVELOPMENT identity')));
  });

  it("never reads another tenant's person by name: a Fabrikam token naming alice@contoso.com does not read Alice's certifications", async () => {
    for (const claims of [{ preferred_username: 'alice@contoso.com' }, { upn: 'alice@contoso.com' }, { email: 'alice@contoso.com' }, { preferred_username: 'alice@contoso.com', email: 'alice@contoso.com' }]) {
      const r = await get('/api/tab/me', await entra.token({ oid: 'aad-mallory', tid: FABRIKAM, ...claims }, clock.now()));
      assert.equal(r.status, 200);
      const me = r.body as unknown as MyCertificationView;
      assert.equal(me.org.name, 'Fabrikam');
      assert.equal(me.mcid, null, JSON.stringify(claims));
      assert.equal(me.link, null);
      assert.deepEqual(me.certifications, []);
      assert.doesNotMatch(JSON.stringify(me), /10203040|AZ-104|Martin/);
    }
  });

  it('refuses a guest (B2B) account of the tenant: 403, and no data, even one listed as a global admin', async () => {
    for (const path of ['/api/tab/me', '/api/tab/report']) {
      const r = await get(path, await entra.token({ oid: CONTOSO_ADMIN, tid: CONTOSO, upn: 'admin_fabrikam.com#EXT#@contoso.onmicrosoft.com' }, clock.now()));
      assert.equal(r.status, 403, path);
      assert.equal(r.body.error, 'guest');
      assert.match(String(r.body.reason), /guest of Contoso/);
      assert.equal(r.body.people, undefined);
      assert.equal(r.body.mcid, undefined);
    }
  });

  it('answers 401 to an app-only token and to a token without the access_as_user scope', async () => {
    assert.equal((await get('/api/tab/report', await entra.token({ oid: CONTOSO_ADMIN, tid: CONTOSO, idtyp: 'app', scp: null }, clock.now()))).status, 401);
    assert.equal((await get('/api/tab/me', await entra.token({ oid: 'aad-alice', tid: CONTOSO, scp: 'User.Read' }, clock.now()))).status, 401);
  });

  it('answers 403 for a tenant no organization lists', async () => {
    const r = await get('/api/tab/me', await tokenFor('someone', '11111111-2222-4333-8444-555555555555'));
    assert.equal(r.status, 403);
    assert.equal(r.body.error, 'unknown_tenant');
  });

  it('serves the tab pages and teams-js, and nothing else under /tab', async () => {
    const page = await fetch(`${base}/tab/my-certification.html`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors .*teams\.microsoft\.com/);
    assert.match(await page.text(), /teams-js\.js/);
    const lib = await fetch(`${base}/tab/teams-js.js`);
    assert.equal(lib.status, 200);
    assert.match(await lib.text(), /authentication/);
    assert.equal((await fetch(`${base}/tab/..%2Fpackage.json`)).status, 404);
  });

  it('serves the bot’s own date formatter to the tabs, which write dates with it', async () => {
    const res = await fetch(`${base}/tab/dates.js`);
    assert.equal(res.status, 200);
    const sandbox = { window: {} as { CertLinkDates?: { formatDate(at: string, style: string): string; dateStyleOf(tag: string, lang: string): string } } };
    runInNewContext(await res.text(), sandbox);
    const dates = sandbox.window.CertLinkDates!;
    assert.equal(dates.formatDate('2028-03-01T00:00:00Z', 'fr'), '1er mars 2028 (UTC)');
    assert.equal(dates.formatDate('2027-02-04T00:00:00Z', dates.dateStyleOf('en-US', 'en')), 'February 4, 2027 (UTC)');
    assert.equal(dates.formatDate('2027-02-04T00:00:00Z', dates.dateStyleOf('en-GB', 'en')), '4 February 2027 (UTC)');
    for (const page of ['my-certification.html', 'skills-report.html']) assert.match(await (await fetch(`${base}/tab/${page}`)).text(), /<script src="dates\.js"><\/script>\s*<script src="tabCommon\.js">/);
  });
});

describe('tab API in local mode (no MicrosoftAppId)', () => {
  it('accepts the development identity and warns of it once, not on every request', async () => {
    const { log, lines } = captureLogger();
    const app = await startCertLink(loadConfig({ PORT: '0' }), log);
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`http://127.0.0.1:${app.port}/api/tab/me`, { headers: { [DEV_USER_HEADER]: 'aad-alice;6c1f3c4e-2a5b-4c8d-9e0f-1a2b3c4d5e6f;alice@contoso.com' } });
        assert.equal(res.status, 200);
        const me = (await res.json()) as MyCertificationView;
        assert.equal(me.identity.via, 'dev');
        assert.equal(me.mcid, '10203040');
      }
      const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 40 && l.msg.includes('DEVELOPMENT identit'));
      assert.equal(warnings.length, 1, lines.join(''));
    } finally {
      await app.close();
    }
  });
});
