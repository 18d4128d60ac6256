import { strict as assert } from 'node:assert';
import { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import * as restify from 'restify';
import sinon from 'sinon';
import { registerReportDownload } from '../../../bot/http/reportDownloadRoute';
import { StoreUnavailableError } from '../../../services/errors';
import { MemoryOnceStore } from '../../../services/memory/memoryOnceStore';
import { DownloadLinkSigner } from '../../../services/report/signedLink';
import { collect, contoso, fabrikam, world } from '../../services/report/fixtures';

const SECRET = 'route-test-secret-0123456789abcdef';

describe('report download route (real restify server)', () => {
  let server: restify.Server;
  let base: string;
  let w: ReturnType<typeof world>;
  let signer: DownloadLinkSigner;

  beforeEach(async () => {
    w = world();
    await w.link('10203040', contoso, 'alice');
    await w.link('10204151', contoso, 'benoit');
    await w.link('10206373', fabrikam, 'evil');
    server = restify.createServer({ handleUncaughtExceptions: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    signer = new DownloadLinkSigner({ secret: SECRET, publicBaseUrl: base, clock: w.clock });
    registerReportDownload(server, {
      signer,
      roles: w.roles,
      orgByMpnId: (m) => w.orgs.get(m) ?? null,
      reports: w.reports,
      audit: w.audit,
      once: new MemoryOnceStore(w.clock),
      clock: w.clock,
    });
  });

  afterEach(async () => {
    sinon.restore();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('streams the org CSV to one of its admins, with a filename, and audits the download', async () => {
    const res = await fetch(signer.sign('report', contoso.mpnId, 'ga-contoso', 'csv').url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="skills-report-${contoso.mpnId}-2026-03-01.csv"`);
    const buf = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parse(buf.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    assert.deepEqual([...new Set(rows.map((r) => r.MCPID))].sort(), ['10203040', '10204151']);
    assert.ok(rows.some((r) => r.IndividualLastName === 'Lefèvre'));
    const [latest] = await w.audit.latest(contoso.mpnId, 1);
    assert.deepEqual([latest.action, latest.actorUserId, latest.details], ['downloadReport', 'ga-contoso', { format: 'csv' }]);
  });

  it('neutralizes a formula typed as a name in the streamed CSV', async () => {
    const res = await fetch(signer.sign('report', fabrikam.mpnId, 'ga-fabrikam', 'csv').url);
    assert.equal(res.status, 200);
    const buf = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parse(buf.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((r) => [r.MCPID, r.IndividualFirstName, r.IndividualLastName, r.PartnerName]),
      [['10206373', `'=HYPERLINK("http://evil.example","x")`, "'+Durand", 'Fabrikam']],
    );
  });

  it('answers 503, not a cut-off file, when the store is down before the first line, and the link still works after', async () => {
    const scan = sinon.stub(w.associations, 'scanOrgMembers').callsFake(async function* () {
      yield* [];
      throw new StoreUnavailableError('Redis is down');
    });
    const url = signer.sign('report', contoso.mpnId, 'ga-contoso', 'csv').url;
    const res = await fetch(url);
    assert.equal(res.status, 503);
    assert.equal((await w.audit.latest(contoso.mpnId, 20)).filter((e) => e.action === 'downloadReport').length, 0, 'nothing served, nothing audited');
    scan.restore();
    assert.equal((await fetch(url)).status, 200, 'a failed attempt does not use the link up');
  });

  it('gives the file once per link: the same link again, by anyone, gets 410 and no data, and one download is audited', async () => {
    const url = signer.sign('report', contoso.mpnId, 'ga-contoso', 'csv').url;
    const first = await fetch(url);
    assert.equal(first.status, 200);
    assert.match(await first.text(), /10203040/);
    for (const again of [url, url.replace('fmt=csv', 'fmt=xlsx')]) {
      const res = await fetch(again);
      assert.equal(res.status, 410);
      const body = await res.text();
      assert.match(body, /used already/);
      assert.ok(!body.includes('10203040') && !body.includes('Lefèvre'));
    }
    assert.equal((await w.audit.latest(contoso.mpnId, 20)).filter((e) => e.action === 'downloadReport').length, 1);
  });

  it("answers 403 to a link turned into someone else's: another requester, or no nonce (each link names its admin and its one use)", async () => {
    const url = new URL(signer.sign('report', contoso.mpnId, 'ga-contoso', 'csv').url);
    const other = new URL(url);
    other.searchParams.set('by', 'pa-1');
    assert.equal((await fetch(other)).status, 403);
    const noNonce = new URL(url);
    noNonce.searchParams.delete('n');
    assert.equal((await fetch(noNonce)).status, 403);
    const otherNonce = new URL(url);
    otherNonce.searchParams.set('n', 'AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal((await fetch(otherNonce)).status, 403);
    assert.equal((await fetch(url)).status, 200, 'the untouched link still works, once');
  });

  it('serves Excel too', async () => {
    const res = await fetch(signer.sign('report', contoso.mpnId, 'ga-contoso', 'xlsx').url);
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    assert.equal(wb.worksheets[0].getRow(1).getCell(1).value, 'MCPID');
    assert.equal(wb.worksheets[0].rowCount, 4, 'header + Alice x2 + Benoît x1');
  });

  it('answers 403 to a tampered link: org changed to another org', async () => {
    const url = new URL(signer.sign('report', contoso.mpnId, 'ga-contoso', 'csv').url);
    url.searchParams.set('org', fabrikam.mpnId);
    const res = await fetch(url);
    assert.equal(res.status, 403);
    const body = await res.text();
    assert.ok(!body.includes('10206373') && !body.includes('Fabrikam'));
    assert.equal((await w.audit.latest(fabrikam.mpnId, 20)).filter((e) => e.action === 'downloadReport').length, 0);
  });

  it('answers 403 to a link for another org made for an admin of this one (cross-org)', async () => {
    const res = await fetch(signer.sign('report', fabrikam.mpnId, 'ga-contoso', 'csv').url);
    assert.equal(res.status, 403);
    assert.ok(!(await res.text()).includes('10206373'));
  });

  it('answers 410 to an expired link', async () => {
    const url = signer.sign('report', contoso.mpnId, 'ga-contoso', 'csv').url;
    w.clock.set('2026-03-01T09:15:01Z');
    const res = await fetch(url);
    assert.equal(res.status, 410);
  });

  it('answers 403 once the requester is no longer an admin (partner admin revoked)', async () => {
    await w.roles.grantPartnerAdmin(contoso, 'ga-contoso', 'pa-1');
    assert.equal((await fetch(signer.sign('report', contoso.mpnId, 'pa-1', 'csv').url)).status, 200);
    const url = signer.sign('report', contoso.mpnId, 'pa-1', 'csv').url;
    await w.roles.revokePartnerAdmin(contoso, 'ga-contoso', 'pa-1');
    assert.equal((await fetch(url)).status, 403);
  });

  it('serves the audit log, and a report link does not open the audit log', async () => {
    const reportLink = new URL(signer.sign('report', contoso.mpnId, 'ga-contoso', 'csv').url);
    const asAudit = `${base}/download/audit${reportLink.search}`;
    assert.equal((await fetch(asAudit)).status, 403);

    const res = await fetch(signer.sign('audit', contoso.mpnId, 'ga-contoso', 'csv').url);
    assert.equal(res.status, 200);
    const rows = parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((r) => r.Action),
      ['link', 'link'],
    );
    const entries = await collect(w.audit.stream(contoso.mpnId));
    assert.equal(entries[entries.length - 1].action, 'downloadAudit');
  });

  it('rejects an unknown format', async () => {
    const url = new URL(signer.sign('report', contoso.mpnId, 'ga-contoso', 'csv').url);
    url.searchParams.set('fmt', 'pdf');
    assert.equal((await fetch(url)).status, 400);
  });
});
