/**
 * Channel authentication with an app id set, proven with real signed tokens:
 * a local OpenID configuration and JWKS stand in for login.botframework.com
 * (only their URLs change; botbuilder's own validation runs). A valid token is
 * accepted (so the negatives can fail); no token, a malformed one, one for
 * another app id, an expired one, and one signed by an unknown key get 401,
 * and the bot logic never runs for them.
 */
import { strict as assert } from 'node:assert';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import pino from 'pino';
import sinon from 'sinon';
import type restify from 'restify';
import { createCertLinkAdapter } from '../../../bot/http/adapterFactory';
import { createHttpServer, listen } from '../../../bot/http/server';
import { healthyStore, teamsMessage } from '../../support/httpBotHarness';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const ISSUER = 'https://api.botframework.test';
const SERVICE_URL = 'http://127.0.0.1:9/';

describe('security: channel authentication negatives (real signed JWTs, local JWKS)', function () {
  this.timeout(15000);
  let keyServer: http.Server;
  let bot: restify.Server;
  let botUrl: string;
  let signingKey: KeyLike;
  let strangerKey: KeyLike;
  let turnsRun = 0;

  before(async () => {
    // botbuilder prints every refused token with console.error; the assertions say what matters.
    sinon.stub(console, 'error');
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
    keyServer = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      else if (req.url === '/keys') res.end(JSON.stringify({ keys: [jwk] }));
      else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
    const keyBase = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;
    const log = pino({ level: 'silent' });
    const adapter = createCertLinkAdapter(
      { microsoftAppId: APP_ID, microsoftAppPassword: 'not-used-offline', microsoftAppType: 'MultiTenant', microsoftAppTenantId: '' },
      log,
      { openIdMetadataUrl: `${keyBase}/openid`, tokenIssuer: ISSUER },
    );
    bot = createHttpServer({
      adapter,
      bot: async () => {
        turnsRun += 1;
      },
      health: healthyStore,
      log,
    });
    botUrl = `http://127.0.0.1:${await listen(bot, 0, '127.0.0.1')}`;
  });

  after(async () => {
    sinon.restore();
    await new Promise<void>((resolve) => bot.close(() => resolve()));
    await new Promise<void>((resolve) => keyServer.close(() => resolve()));
  });

  async function token(opts: { aud?: string; expiresAt?: number; key?: KeyLike; issuer?: string } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: SERVICE_URL })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(opts.issuer ?? ISSUER)
      .setAudience(opts.aud ?? APP_ID)
      .setIssuedAt(now - 600)
      .setNotBefore(now - 600)
      .setExpirationTime(opts.expiresAt ?? now + 3600)
      .sign(opts.key ?? signingKey);
  }

  async function post(authorization?: string): Promise<number> {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(teamsMessage(SERVICE_URL)),
    });
    await res.arrayBuffer();
    return res.status;
  }

  it('accepts a valid channel token (the control that lets the negatives fail)', async () => {
    const before = turnsRun;
    assert.equal(await post(`Bearer ${await token()}`), 200);
    assert.equal(turnsRun, before + 1);
  });

  const negatives: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['a malformed token', async () => 'Bearer not.a.jwt'],
    ['a token for another app id (wrong audience)', async () => `Bearer ${await token({ aud: '99999999-9999-4999-8999-999999999999' })}`],
    ['an expired token', async () => `Bearer ${await token({ expiresAt: Math.floor(Date.now() / 1000) - 3600 })}`],
    ['a token signed by a key the channel does not publish', async () => `Bearer ${await token({ key: strangerKey })}`],
    ['a token from another issuer', async () => `Bearer ${await token({ issuer: 'https://evil.example' })}`],
  ];
  for (const [what, authorization] of negatives) {
    it(`answers 401 to ${what}, without running the bot`, async () => {
      const before = turnsRun;
      assert.equal(await post(await authorization()), 401);
      assert.equal(turnsRun, before);
    });
  }
});
