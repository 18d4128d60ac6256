/**
 * Download links for the report and the audit log: an HMAC-SHA256 over
 * (kind, org, requester, expiry) with a secret from the environment. The link
 * alone is not enough: the route also checks the requester is still an admin
 * of that org when the file is asked for.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Clock } from '../clock';

/** personalData: a person's own "my data" export; `org` is then their tenant id and `by` their user id. */
export type DownloadKind = 'report' | 'audit' | 'personalData';
export type DownloadFormat = 'csv' | 'xlsx';
export type LinkVerdict = 'ok' | 'tampered' | 'expired';

export const DOWNLOAD_LINK_TTL_MINUTES = 15;

export interface DownloadLinkParams {
  kind: DownloadKind;
  org: string;
  /** Entra object id of the admin the link was made for. */
  by: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

export interface SignedLink {
  url: string;
  expiresAt: Date;
}

export interface DownloadLinkSignerOptions {
  secret: string;
  /** Where people's browsers reach this bot, e.g. https://certlink.contoso.com (no trailing slash needed). */
  publicBaseUrl: string;
  clock: Clock;
  ttlMinutes?: number;
}

export const DOWNLOAD_PATHS: Record<DownloadKind, string> = { report: '/download/report', audit: '/download/audit', personalData: '/download/my-data' };

export class DownloadLinkSigner {
  private readonly baseUrl: string;
  private readonly ttlMs: number;

  constructor(private readonly options: DownloadLinkSignerOptions) {
    if (options.secret.length < 16) throw new Error('The download signing secret must be at least 16 characters');
    this.baseUrl = options.publicBaseUrl.replace(/\/+$/, '');
    this.ttlMs = (options.ttlMinutes ?? DOWNLOAD_LINK_TTL_MINUTES) * 60_000;
  }

  sign(kind: DownloadKind, org: string, by: string, fmt: DownloadFormat): SignedLink {
    const expiresAt = new Date(this.options.clock.now().getTime() + this.ttlMs);
    const params: DownloadLinkParams = { kind, org, by, exp: Math.floor(expiresAt.getTime() / 1000) };
    const query = new URLSearchParams({ org, by, exp: String(params.exp), fmt, sig: this.signature(params) });
    return { url: `${this.baseUrl}${DOWNLOAD_PATHS[kind]}?${query.toString()}`, expiresAt };
  }

  /**
   * The link to one person's own data export, bound to their tenant and user id:
   * the signature covers both, so it cannot be turned into anyone else's.
   */
  signPersonalData(tenantId: string, userId: string): SignedLink {
    const expiresAt = new Date(this.options.clock.now().getTime() + this.ttlMs);
    const params: DownloadLinkParams = { kind: 'personalData', org: tenantId, by: userId, exp: Math.floor(expiresAt.getTime() / 1000) };
    const query = new URLSearchParams({ tenant: tenantId, by: userId, exp: String(params.exp), sig: this.signature(params) });
    return { url: `${this.baseUrl}${DOWNLOAD_PATHS.personalData}?${query.toString()}`, expiresAt };
  }

  /** Checks the signature first: an edited link is 'tampered' whatever its expiry says. */
  verify(params: { kind: DownloadKind; org?: string; by?: string; exp?: string; sig?: string }): LinkVerdict {
    const { kind, org, by, exp, sig } = params;
    if (!org || !by || !exp || !sig || !/^\d{1,12}$/.test(exp)) return 'tampered';
    const expected = Buffer.from(this.signature({ kind, org, by, exp: Number(exp) }), 'utf8');
    const given = Buffer.from(sig, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'tampered';
    return Number(exp) * 1000 <= this.options.clock.now().getTime() ? 'expired' : 'ok';
  }

  private signature(p: DownloadLinkParams): string {
    // Length-prefixed fields, so no two different tuples sign the same bytes.
    const fields = ['certlink-download-v1', p.kind, p.org, p.by, String(p.exp)];
    const payload = fields.map((f) => `${Buffer.byteLength(f)}:${f}`).join('');
    return createHmac('sha256', this.options.secret).update(payload).digest('base64url');
  }
}
