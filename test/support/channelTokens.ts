/**
 * A local stand-in for login.botframework.com: an OpenID configuration and a JWKS served on
 * 127.0.0.1, and channel tokens signed with its key (or a stranger's), so channel authentication
 * runs botbuilder's own validation on real signed JWTs, offline. Like the real key set, the key is
 * endorsed for several channels: an activity from Direct Line is as authenticated as one from Teams.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';

export const TEST_APP_ID = '11111111-2222-4333-8444-555555555555';
export const TEST_ISSUER = 'https://api.botframework.test';

export interface TokenOptions {
  aud?: string;
  expiresAt?: number;
  /** Sign with a key the key set does not publish. */
  stranger?: boolean;
  issuer?: string;
  serviceUrl?: string;
}

export interface ChannelKeySet {
  /** Where botbuilder reads the OpenID configuration (createCertLinkAdapter's openIdMetadataUrl). */
  openIdMetadataUrl: string;
  token(opts?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startChannelKeySet(defaultServiceUrl: string): Promise<ChannelKeySet> {
  const pair = await generateKeyPair('RS256');
  const strangerKey: KeyLike = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', use: 'sig', alg: 'RS256', endorsements: ['msteams', 'directline', 'webchat', 'emulator'] };
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: TEST_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    // botbuilder reads jwks_uri; the Agents SDK builds {authority}/{tenant}/discovery/v2.0/keys itself.
    else if (req.url === '/keys' || req.url?.endsWith('/discovery/v2.0/keys')) res.end(JSON.stringify({ keys: [jwk] }));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    openIdMetadataUrl: `${base}/openid`,
    async token(opts = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ serviceurl: opts.serviceUrl ?? defaultServiceUrl })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
        .setIssuer(opts.issuer ?? TEST_ISSUER)
        .setAudience(opts.aud ?? TEST_APP_ID)
        .setIssuedAt(now - 600)
        .setNotBefore(now - 600)
        .setExpirationTime(opts.expiresAt ?? now + 3600)
        .sign(opts.stranger ? strangerKey : pair.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
