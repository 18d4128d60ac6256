/**
 * Who is calling the tab API. In Teams the tab pages send the Teams SSO token
 * (authentication.getAuthToken()); it is an Entra ID access token for this app,
 * checked here with jose against Entra ID's signing keys: signature, issuer of
 * the token's own tenant (v2 login.microsoftonline.com or v1 sts.windows.net),
 * audience (the app id or api://<domain>/<app id>) and expiry. It must be a
 * delegated token for a person (scope access_as_user, never an app-only token).
 * The tenant and user come only from a verified token, so a token of one tenant
 * can only ever name that tenant. The token's `email` claim is never read (it is
 * not verified); its sign-in name is kept, and used only within the org of the
 * token's own tenant (tabApi.ts). A guest account (B2B) is marked as such.
 *
 * In local mode (no MicrosoftAppId, the same switch as the bot) there is no app
 * to issue tokens for, so a development identity is accepted instead, from the
 * header X-CertLink-Dev-User: <aadObjectId>;<tenantId>[;<sign-in name>], and logged as such.
 * Outside local mode that header is ignored.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, JWTVerifyGetKey } from 'jose';
import { Clock } from '../../services/clock';
import { hashUserId, Logger } from '../logging';

export const DEV_USER_HEADER = 'x-certlink-dev-user';
/** Entra ID's signing keys, the same for every tenant (v1 and v2 tokens). */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export interface TabIdentity {
  userId: string;
  tenantId: string;
  /**
   * The account's sign-in name (the token's upn, else preferred_username; or the dev header's):
   * used only to find the person's own profile, within their own tenant's org (tabApi.ts).
   */
  upn: string | null;
  /** A guest (B2B) account of the tenant: it acts for no organization here. */
  guest: boolean;
  via: 'sso' | 'dev';
}

/** The scope the tabs' SSO token is issued for (Expose an API in the app registration). */
export const TAB_SCOPE = 'access_as_user';

export type IdentityResult = { ok: true; identity: TabIdentity } | { ok: false; reason: string };

export interface TabIdentityOptions {
  /** MicrosoftAppId; empty = local mode (dev identity only). */
  appId: string;
  /** Host the tabs are served from (PUBLIC_BASE_URL), for the api://<domain>/<appId> audience. */
  domain: string;
  /** Where the signing keys come from; tests pass a local key set. Default: Entra ID's JWKS. */
  keys?: JWTVerifyGetKey;
  clock: Clock;
  log: Logger;
}

export type TabIdentityVerifier = (headers: Record<string, string | string[] | undefined>) => Promise<IdentityResult>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function claim(payload: Record<string, unknown>, name: string): string | null {
  const v = payload[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * A guest (B2B) account of the token's tenant: acct 1 (when the app asks for that optional claim),
 * an identity provider other than the tenant itself (idp), or a UPN of the #EXT# form.
 */
function isGuestToken(payload: Record<string, unknown>, tenantId: string, upn: string | null): boolean {
  if (payload.acct === 1 || payload.acct === '1') return true;
  const idp = claim(payload, 'idp');
  if (idp && idp !== payload.iss && !idp.toLowerCase().includes(tenantId.toLowerCase())) return true;
  return /#EXT#/i.test(claim(payload, 'unique_name') ?? upn ?? '');
}

export function createTabIdentityVerifier(opts: TabIdentityOptions): TabIdentityVerifier {
  const localMode = opts.appId === '';
  const keys = opts.keys ?? (localMode ? null : createRemoteJWKSet(new URL(ENTRA_JWKS_URL)));
  const audience = localMode ? [] : [opts.appId, `api://${opts.domain}/${opts.appId}`];

  // Said once (a process serves one verifier): a warning on every tab request buried the rest of the log.
  let warnedOfDevIdentity = false;
  const fromDevHeader = (raw: string): IdentityResult => {
    const [userId, tenantId, upn] = raw.split(';').map((s) => s.trim());
    if (!userId || !tenantId) return { ok: false, reason: `${DEV_USER_HEADER} must be "<aadObjectId>;<tenantId>[;<sign-in name>]"` };
    if (!warnedOfDevIdentity) {
      warnedOfDevIdentity = true;
      opts.log.warn('tab API: accepting DEVELOPMENT identities (local mode, no MicrosoftAppId): never expose this server. Said once; each one is logged at debug level');
    }
    opts.log.debug({ user: hashUserId(userId), tenantId }, 'tab API: accepted a DEVELOPMENT identity');
    return { ok: true, identity: { userId, tenantId, upn: upn || null, guest: /#EXT#/i.test(upn ?? ''), via: 'dev' } };
  };

  return async (headers) => {
    const auth = header(headers, 'authorization');
    const bearer = auth && /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!bearer) {
      const dev = header(headers, DEV_USER_HEADER);
      if (localMode && dev) return fromDevHeader(dev);
      return { ok: false, reason: localMode ? `Send a Teams SSO token, or in local mode the ${DEV_USER_HEADER} header` : 'Send the Teams SSO token as "Authorization: Bearer <token>"' };
    }
    if (!keys) return { ok: false, reason: 'This server runs in local mode (no MicrosoftAppId): it cannot check SSO tokens' };
    try {
      const { payload } = await jwtVerify(bearer, keys, {
        audience,
        algorithms: ['RS256'],
        currentDate: opts.clock.now(),
        clockTolerance: 60,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      });
      const tenantId = claim(payload, 'tid');
      const userId = claim(payload, 'oid');
      if (!tenantId || !GUID.test(tenantId) || !userId) return { ok: false, reason: 'The token does not name a tenant and a user' };
      // The issuer must be the token's own tenant: a token minted by one tenant cannot claim another.
      const issuers = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
      if (!issuers.includes(String(payload.iss))) return { ok: false, reason: 'The token was not issued by Entra ID for its tenant' };
      // A person's delegated token for this app's API; an app-only token (client credentials) names no person.
      if (payload.idtyp === 'app') return { ok: false, reason: 'App-only tokens are not accepted: send the Teams SSO token of a signed-in person' };
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(TAB_SCOPE)) return { ok: false, reason: `The token is not for this app's ${TAB_SCOPE} scope` };
      const upn = claim(payload, 'upn') ?? claim(payload, 'preferred_username');
      return { ok: true, identity: { userId, tenantId, upn, guest: isGuestToken(payload, tenantId, upn), via: 'sso' } };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return { ok: false, reason: 'The token has expired' };
      if (err instanceof joseErrors.JWTClaimValidationFailed) return { ok: false, reason: `The token is not for this app (${err.claim})` };
      if (err instanceof joseErrors.JOSEError) {
        opts.log.info({ code: err.code }, 'tab API: refused a token');
        return { ok: false, reason: 'The token is not valid' };
      }
      opts.log.warn({ err: String(err) }, 'tab API: could not check a token (signing keys unreachable?)');
      return { ok: false, reason: 'The token could not be checked' };
    }
  };
}
