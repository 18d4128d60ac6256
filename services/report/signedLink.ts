/**
 * Download links for the report, the audit log and a person's own data: an HMAC-SHA256 over
 * (kind, org, requester, expiry, nonce) with a secret from the environment. A link is for one
 * person and one use: it names who it was made for, it is only ever sent to their personal chat
 * (or minted for them by the tab's SSO-checked API), and the route claims its random nonce once
 * (linkUseKey), so a second use, by anyone, gets 410. The link alone is not enough either: the
 * route also checks that the requester is still an admin of that org when the file is asked for.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Clock } from '../clock';
import { onceKey } from '../kv/onceKey';
import { OnceStore } from '../kv/onceStore';

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
  /** Random, one per link: its single use is claimed under it (linkUseKey). */
  n: string;
}

/** The once-only key under which a link's one use is claimed. */
export function linkUseKey(nonce: string): string {
  return onceKey('downloadLink', nonce);
}

/**
 * Takes a verified link's one use: false when it was used already (by anyone). Remembered until a
 * minute past the link's expiry, after which the link is refused as expired anyway.
 */
export function claimLinkUse(once: OnceStore, link: { n: string; exp: string }, clock: Clock): Promise<boolean> {
  const secondsLeft = Number(link.exp) - Math.floor(clock.now().getTime() / 1000);
  return once.claim(linkUseKey(link.n), Math.max(1, secondsLeft) + 60);
}

const NONCE = /^[A-Za-z0-9_-]{22}$/;

function newNonce(): string {
  return randomBytes(16).toString('base64url');
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
    const params: DownloadLinkParams = { kind, org, by, exp: Math.floor(expiresAt.getTime() / 1000), n: newNonce() };
    const query = new URLSearchParams({ org, by, exp: String(params.exp), n: params.n, fmt, sig: this.signature(params) });
    return { url: `${this.baseUrl}${DOWNLOAD_PATHS[kind]}?${query.toString()}`, expiresAt };
  }

  /**
   * The link to one person's own data export, bound to their tenant and user id:
   * the signature covers both, so it cannot be turned into anyone else's.
   */
  signPersonalData(tenantId: string, userId: string): SignedLink {
    const expiresAt = new Date(this.options.clock.now().getTime() + this.ttlMs);
    const params: DownloadLinkParams = { kind: 'personalData', org: tenantId, by: userId, exp: Math.floor(expiresAt.getTime() / 1000), n: newNonce() };
    const query = new URLSearchParams({ tenant: tenantId, by: userId, exp: String(params.exp), n: params.n, sig: this.signature(params) });
    return { url: `${this.baseUrl}${DOWNLOAD_PATHS.personalData}?${query.toString()}`, expiresAt };
  }

  /**
   * Checks the signature first: an edited link is 'tampered' whatever its expiry says. Whether it
   * was used already is the route's to ask (linkUseKey), once everything else holds.
   */
  verify(params: { kind: DownloadKind; org?: string; by?: string; exp?: string; n?: string; sig?: string }): LinkVerdict {
    const { kind, org, by, exp, n, sig } = params;
    if (!org || !by || !exp || !sig || !n || !/^\d{1,12}$/.test(exp) || !NONCE.test(n)) return 'tampered';
    const expected = Buffer.from(this.signature({ kind, org, by, exp: Number(exp), n }), 'utf8');
    const given = Buffer.from(sig, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'tampered';
    return Number(exp) * 1000 <= this.options.clock.now().getTime() ? 'expired' : 'ok';
  }

  private signature(p: DownloadLinkParams): string {
    // Length-prefixed fields, so no two different tuples sign the same bytes.
    const fields = ['certlink-download-v2', p.kind, p.org, p.by, String(p.exp), p.n];
    const payload = fields.map((f) => `${Buffer.byteLength(f)}:${f}`).join('');
    return createHmac('sha256', this.options.secret).update(payload).digest('base64url');
  }
}
