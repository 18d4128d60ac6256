/**
 * Stand-in for Entra ID in tests: an RSA key pair whose public half is served
 * as a local JWKS (what the tab API checks tokens against), and a function
 * that mints Teams-SSO-like access tokens with it.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, JWTVerifyGetKey, KeyLike, SignJWT } from 'jose';

export interface TokenClaims {
  oid: string;
  tid: string;
  aud?: string;
  /** Default: the v2 issuer of `tid`. */
  iss?: string;
  preferred_username?: string;
  upn?: string;
  /** Unverified, and never read by CertLink: present to show it is ignored. */
  email?: string;
  /** Delegated scopes; default 'access_as_user' (the Teams SSO token's). null = none. */
  scp?: string | null;
  /** 'app' for an app-only token (client credentials). */
  idtyp?: string;
  /** Another tenant's issuer for a guest (B2B) account. */
  idp?: string;
  /** 1 for a guest (optional claim). */
  acct?: number;
  /** Seconds from `now`; negative = already expired. Default 3600. */
  expiresIn?: number;
}

export interface FakeEntra {
  keys: JWTVerifyGetKey;
  token(claims: TokenClaims, now?: Date): Promise<string>;
  /** Signed with a key that is NOT in the JWKS: a forgery. */
  forged(claims: TokenClaims, now?: Date): Promise<string>;
}

async function sign(key: KeyLike, kid: string, claims: TokenClaims, defaultAud: string, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const { oid, tid, expiresIn: _expiresIn, aud: _aud, iss: _iss, scp, ...optional } = claims;
  const present = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return new SignJWT({ oid, tid, ...(scp === null ? {} : { scp: scp ?? 'access_as_user' }), ...present })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(claims.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(claims.aud ?? defaultAud)
    .setSubject(oid)
    .setIssuedAt(iat)
    .setNotBefore(iat - 5)
    .setExpirationTime(iat + (claims.expiresIn ?? 3600))
    .sign(key);
}

export async function fakeEntra(defaultAudience: string): Promise<FakeEntra> {
  const real = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(real.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    token: (claims, now = new Date()) => sign(real.privateKey, 'test-key', claims, defaultAudience, now),
    // Same kid as the real key, so only the signature gives it away.
    forged: (claims, now = new Date()) => sign(other.privateKey, 'test-key', claims, defaultAudience, now),
  };
}
