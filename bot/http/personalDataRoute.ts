/**
 * GET /download/my-data: a person's own data as JSON, behind the button of the
 * "my data" card (personal chat only). The link is signed over (tenant, user, expiry, nonce): a
 * tampered link gets 403, an expired or already used one 410, a tenant no organization lists 403.
 * The export is made when the link is opened, so it shows the data as it is then.
 */
import type { ServerResponse } from 'node:http';
import type * as restify from 'restify';
import { Clock } from '../../services/clock';
import { Organization } from '../../services/directory/types';
import { isStoreUnavailable } from '../../services/errors';
import { PersonalDataExporter } from '../../services/privacy/personalDataExport';
import { exportEmail } from '../../services/privacy/privacyDeps';
import { DocumentStore } from '../../services/kv/documentStore';
import { OnceStore } from '../../services/kv/onceStore';
import { claimLinkUse, DOWNLOAD_PATHS, DownloadLinkSigner } from '../../services/report/signedLink';

export interface PersonalDataRouteDeps {
  signer: DownloadLinkSigner;
  exporter: PersonalDataExporter;
  /** Where the card left the person's Teams email for the life of the link. */
  documents: DocumentStore;
  orgForTenant: (tenantId: string) => Organization | null;
  /** Where each link's one use is claimed. */
  once: OnceStore;
  clock: Clock;
  /** For logging; never given personal data. */
  onError?: (err: unknown) => void;
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
}

export function registerPersonalDataDownload(server: restify.Server, deps: PersonalDataRouteDeps): void {
  server.get(DOWNLOAD_PATHS.personalData, async (req: restify.Request, res: restify.Response) => {
    await servePersonalData(req.url ?? '', res, deps);
  });
}

export async function servePersonalData(url: string, res: ServerResponse, deps: PersonalDataRouteDeps): Promise<void> {
  const q = new URL(url, 'http://localhost').searchParams;
  const tenant = q.get('tenant') ?? undefined;
  const by = q.get('by') ?? undefined;
  const verdict = deps.signer.verify({ kind: 'personalData', org: tenant, by, exp: q.get('exp') ?? undefined, n: q.get('n') ?? undefined, sig: q.get('sig') ?? undefined });
  if (verdict === 'tampered') return plain(res, 403, 'This download link is not valid.');
  if (verdict === 'expired') return plain(res, 410, 'This download link has expired. Say "my data" to the bot again to get a new link.');
  const link = { n: q.get('n') as string, exp: q.get('exp') as string };
  const tenantId = tenant as string;
  const userId = by as string;
  if (!deps.orgForTenant(tenantId)) return plain(res, 403, 'This download link is not valid.');
  try {
    const email = await exportEmail(deps, tenantId, userId);
    const data = await deps.exporter.export({ tenantId, userId, email });
    const body = JSON.stringify(data, null, 2);
    // Taken only now that the file is ready: a store outage above leaves the link usable.
    if (!(await claimLinkUse(deps.once, link, deps.clock))) return plain(res, 410, 'This download link was used already: each link gives the file once. Say "my data" to the bot again to get a new link.');
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="certlink-my-data-${deps.clock.now().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  } catch (err) {
    deps.onError?.(err);
    if (isStoreUnavailable(err)) return plain(res, 503, 'Your data is temporarily unavailable. Please try again in a few minutes.');
    return plain(res, 500, 'Something went wrong while preparing the file.');
  }
}
