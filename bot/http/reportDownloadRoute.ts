/**
 * GET /download/report and GET /download/audit: the files behind the download buttons of the
 * report and audit cards (in the admin's personal chat) and of the Skills report tab. A link is
 * honoured only if its signature holds (else 403), it has not expired (else 410), the admin it was
 * made for is still an admin of that org (else 403), and it was never used (else 410): each link
 * gives the file once. The file is streamed row by row; every download is audited.
 */
import type { ServerResponse } from 'node:http';
import type * as restify from 'restify';
import { auditRows, AUDIT_COLUMNS } from '../../services/audit/auditExport';
import { AuditLog } from '../../services/audit/auditLog';
import { Clock } from '../../services/clock';
import { Organization } from '../../services/directory/types';
import { isStoreUnavailable } from '../../services/errors';
import { ExportRow, writeCsv, writeCsvChunks, writeXlsx } from '../../services/report/exportWriters';
import { REPORT_COLUMNS } from '../../services/report/reportColumns';
import { ReportService } from '../../services/report/reportService';
import { claimLinkUse, DOWNLOAD_PATHS, DownloadFormat, DownloadKind, DownloadLinkSigner } from '../../services/report/signedLink';
import { OnceStore } from '../../services/kv/onceStore';
import { RoleService } from '../../services/roles/roleService';

export interface ReportDownloadDeps {
  signer: DownloadLinkSigner;
  roles: RoleService;
  /** The org a link names, from ORGS_FILE (OrgDirectory.byMpnId). */
  orgByMpnId: (mpnId: string) => Organization | null;
  reports: ReportService;
  audit: AuditLog;
  /** Where each link's one use is claimed. */
  once: OnceStore;
  clock: Clock;
  /** For logging; called with no personal data beyond ids. */
  onError?: (err: unknown, where: string) => void;
}

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const FILE_STEMS: Record<DownloadKind, string> = { report: 'skills-report', audit: 'audit-log', personalData: 'my-data' };

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
}

/** Reads the first row before answering, so a store outage is a clean 503 rather than a cut-off file. */
async function primed<T>(rows: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const it = rows[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    },
  };
}

export function registerReportDownload(server: restify.Server, deps: ReportDownloadDeps): void {
  for (const kind of ['report', 'audit'] as const) {
    server.get(DOWNLOAD_PATHS[kind], async (req: restify.Request, res: restify.Response) => {
      await serveDownload(kind, req.url ?? '', res, deps);
    });
  }
}

async function serveDownload(kind: DownloadKind, url: string, res: ServerResponse, deps: ReportDownloadDeps): Promise<void> {
  const q = new URL(url, 'http://localhost').searchParams;
  const param = (name: string) => q.get(name) ?? undefined;
  const fmtParam = q.get('fmt') ?? 'csv';
  if (fmtParam !== 'csv' && fmtParam !== 'xlsx') return plain(res, 400, 'Unknown format: use fmt=csv or fmt=xlsx.');
  const fmt: DownloadFormat = fmtParam;

  const verdict = deps.signer.verify({ kind, org: param('org'), by: param('by'), exp: param('exp'), n: param('n'), sig: param('sig') });
  if (verdict === 'tampered') return plain(res, 403, 'This download link is not valid.');
  if (verdict === 'expired') return plain(res, 410, 'This download link has expired. Ask the bot for the report again to get a new link.');
  const link = { n: q.get('n') as string, exp: q.get('exp') as string };

  const mpnId = q.get('org') as string;
  const by = q.get('by') as string;
  const org = deps.orgByMpnId(mpnId);
  try {
    if (!org || !(await deps.roles.isAdmin(org, by))) {
      return plain(res, 403, 'Only the global admins and partner admins of this organization can download this file.');
    }
    const now = deps.clock.now();
    // The report's CSV comes preformatted a batch of people at a time: the fast path for a 100,000-person org.
    const source: { rows: AsyncIterable<ExportRow> } | { csv: AsyncIterable<string> } =
      kind === 'audit' ? { rows: await primed(auditRows(deps.audit, mpnId)) } : fmt === 'csv' ? { csv: await primed(deps.reports.csvChunks(mpnId, now)) } : { rows: await primed(deps.reports.rows(mpnId, now)) };
    // The link's one use is taken only now that the file can be sent: a store outage above leaves it usable.
    if (!(await claimLinkUse(deps.once, link, deps.clock))) {
      return plain(res, 410, 'This download link was used already: each link gives the file once. Ask the bot for the report again to get a new link.');
    }
    await deps.audit.record({
      at: now.toISOString(),
      mpnId,
      actorUserId: by,
      action: kind === 'report' ? 'downloadReport' : 'downloadAudit',
      details: { format: fmt },
    });
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[fmt],
      'Content-Disposition': `attachment; filename="${FILE_STEMS[kind]}-${mpnId}-${now.toISOString().slice(0, 10)}.${fmt}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    const columns = kind === 'report' ? REPORT_COLUMNS : AUDIT_COLUMNS;
    try {
      if ('csv' in source) await writeCsvChunks(source.csv, res, columns);
      else if (fmt === 'csv') await writeCsv(source.rows, res, columns);
      else await writeXlsx(source.rows, res, columns, kind === 'report' ? 'Skills report' : 'Audit log');
    } catch (err) {
      // Headers are gone: all we can do is cut the file short so the browser shows a failed download.
      deps.onError?.(err, `download ${kind} ${mpnId} (streaming)`);
      res.destroy();
    }
  } catch (err) {
    deps.onError?.(err, `download ${kind} ${mpnId}`);
    if (res.headersSent) return void res.destroy();
    if (isStoreUnavailable(err)) return plain(res, 503, 'The report is temporarily unavailable. Please try again in a few minutes.');
    return plain(res, 500, 'Something went wrong while preparing the file.');
  }
}
