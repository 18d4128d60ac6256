/**
 * The tab URLs `npm run dev` prints show what the chat shows: read from the dev script's own
 * function (devTabUrls, which the banner prints), opened the way the tab page does in local mode
 * (its ?devUser= sent as the development identity), against a CertLink started as `npm run dev`
 * starts it, while Alice of the playground's mock tenant chats with it over HTTP.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { RunningApp, startCertLink } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { DEV_USER_HEADER } from '../../bot/http/tabIdentity';
import type { MyCertificationView, SkillsReportView } from '../../bot/http/tabApi';
import { devTabUrls } from '../../scripts/dev';
import { PLAYGROUND_CONFIG } from '../../scripts/playground';
import { buttons, textOf } from '../support/conversationHarness';
import { FakeConnector, startFakeConnector } from '../support/fakeConnector';
import { captureLogger } from '../support/httpBotHarness';
import { clickActivity, Member, postActivity, sendMessage } from '../support/liveBot';

describe('npm run dev: the tab URLs it prints agree with the chat', function () {
  this.timeout(20000);
  let app: RunningApp;
  let connector: FakeConnector;
  let base: string;
  let urls: { person: string; admin: string | null };
  let alice: Member;

  before(async () => {
    // Alice as the playground presents her: its mock tenant's current user.
    const mock = parse(readFileSync(PLAYGROUND_CONFIG, 'utf8')) as { tenantId: string; currentUser: { id: string; aadObjectId: string; userPrincipleName: string; email: string; name: string } };
    const u = mock.currentUser;
    alice = { id: u.id, aadObjectId: u.aadObjectId, tenantId: mock.tenantId, email: u.email, name: u.name };
    connector = await startFakeConnector({ members: [{ id: u.id, aadObjectId: u.aadObjectId, email: u.email, userPrincipalName: u.userPrincipleName, name: u.name, tenantId: mock.tenantId, userRole: 'user' }] as never });
    // As scripts/dev.ts configures it: local mode, embedded store, sample data.
    app = await startCertLink(loadConfig({ PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'warn', MicrosoftAppId: '', REDIS_URL: '' }), captureLogger().log);
    base = `http://127.0.0.1:${app.port}`;
    urls = devTabUrls(loadConfig({ PORT: String(app.port) }));
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  /** What the tab page does with its address in local mode (tab/tabCommon.js): ?devUser= becomes the dev identity. */
  async function openTab<T>(pageUrl: string, api: string): Promise<{ status: number; body: T }> {
    const url = new URL(pageUrl);
    assert.equal(url.port, String(app.port), 'the URL is for the bot npm run dev started');
    const devUser = url.searchParams.get('devUser');
    assert.ok(devUser, pageUrl);
    const res = await fetch(new URL(api, url.origin), { headers: { [DEV_USER_HEADER]: devUser } });
    return { status: res.status, body: (await res.json()) as T };
  }

  it("shows Alice's profile before she links, as the chat's status does", async () => {
    const status = await sendMessage(base, connector, alice, 'status');
    assert.match(textOf(status.replies), /10203040/);
    const me = await openTab<MyCertificationView>(urls.person, '/api/tab/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.mcid, '10203040', 'the profile of her sign-in name, not "no certification profile"');
    assert.equal(me.body.link, null);
    assert.deepEqual(me.body.associations, []);
    assert.equal(me.body.allowedNow, true);
  });

  it('shows her link and 1 association once she linked in the chat, and the admin URL shows her in the report', async () => {
    const card = await sendMessage(base, connector, alice, 'link my certification');
    const confirm = buttons(card.replies).find((b) => b.verb === 'link.confirm');
    assert.ok(confirm, textOf(card.replies));
    const clicked = await postActivity(base, clickActivity(alice, connector.url, confirm.verb, confirm.cardId));
    assert.match(JSON.stringify(clicked.json), /10203040/);

    const status = await sendMessage(base, connector, alice, 'status');
    assert.match(textOf(status.replies), /1 of 3/);
    const me = await openTab<MyCertificationView>(urls.person, '/api/tab/me');
    assert.equal(me.body.link?.mcid, '10203040');
    assert.equal(me.body.link?.orgName, 'Contoso');
    assert.equal(me.body.associations.length, 1);

    assert.ok(urls.admin, 'the playground has an admin of Contoso');
    const report = await openTab<SkillsReportView>(urls.admin, '/api/tab/report');
    assert.equal(report.status, 200);
    assert.equal(report.body.summary.linked, 1);
    assert.deepEqual(
      report.body.people.map((p) => p.mcid),
      ['10203040'],
    );
  });
});
