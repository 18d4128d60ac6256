/**
 * Channel authentication with an app id set, proven with real signed tokens:
 * a local OpenID configuration and JWKS stand in for login.botframework.com
 * (only their URLs change; the runtime's own validation runs: botbuilder's, or the
 * Agents SDK's JWT middleware with BOT_RUNTIME=agents). A valid token is
 * accepted (so the negatives can fail); no token, a malformed one, one for
 * another app id, an expired one, one signed by an unknown key, one from another
 * issuer and one issued for another service URL get 401, and the bot logic never
 * runs for them.
 */
import { strict as assert } from 'node:assert';
import pino from 'pino';
import sinon from 'sinon';
import type restify from 'restify';
import { createHttpServer, listen } from '../../../bot/http/server';
import { countingEndpoint } from '../../support/channelEndpoint';
import { ChannelKeySet, startChannelKeySet, TEST_ISSUER } from '../../support/channelTokens';
import { healthyStore, teamsMessage } from '../../support/httpBotHarness';

const SERVICE_URL = 'http://127.0.0.1:9/';

describe('security: channel authentication negatives (real signed JWTs, local JWKS)', function () {
  this.timeout(15000);
  let keys: ChannelKeySet;
  let bot: restify.Server;
  let botUrl: string;
  let turnsRun = 0;

  before(async () => {
    // botbuilder prints every refused token with console.error; the assertions say what matters.
    sinon.stub(console, 'error');
    keys = await startChannelKeySet(SERVICE_URL);
    const log = pino({ level: 'silent' });
    bot = createHttpServer({
      endpoint: countingEndpoint({
        trust: { openIdMetadataUrl: keys.openIdMetadataUrl, tokenIssuer: TEST_ISSUER },
        turn: async () => {
          turnsRun += 1;
        },
        log,
      }),
      health: healthyStore,
      log,
    });
    botUrl = `http://127.0.0.1:${await listen(bot, 0, '127.0.0.1')}`;
  });

  after(async () => {
    sinon.restore();
    await new Promise<void>((resolve) => bot.close(() => resolve()));
    await keys.close();
  });

  const token = (opts: Parameters<ChannelKeySet['token']>[0] = {}) => keys.token(opts);

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
    ['a token signed by a key the channel does not publish', async () => `Bearer ${await token({ stranger: true })}`],
    ['a token from another issuer', async () => `Bearer ${await token({ issuer: 'https://evil.example' })}`],
    // A token the channel issued for another service URL, replayed with this activity's (botbuilder's ChannelValidation rule).
    ['a token issued for another service URL', async () => `Bearer ${await token({ serviceUrl: 'https://smba.evil.example/' })}`],
  ];
  for (const [what, authorization] of negatives) {
    it(`answers 401 to ${what}, without running the bot`, async () => {
      const before = turnsRun;
      assert.equal(await post(await authorization()), 401);
      assert.equal(turnsRun, before);
    });
  }
});
