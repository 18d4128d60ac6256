/**
 * restify 11 loads spdy, whose http-deceiver calls process.binding('http_parser') (DEP0111):
 * bot/http/restifyLoad.ts drops that one warning while restify loads, and nothing else.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import sinon from 'sinon';
import { loadWithoutWarning } from '../../../bot/http/restifyLoad';
import { startBotProcess } from '../../support/botProcess';

const DIST = path.resolve(__dirname, '..', '..', '..');
const nodeStderr = (script: string) => spawnSync(process.execPath, ['-e', script], { cwd: DIST, encoding: 'utf8', timeout: 15_000 }).stderr;

describe('restify without its DEP0111 start-up warning', () => {
  afterEach(() => sinon.restore());

  it('drops only the named warning code, only while loading, and puts process.emitWarning back', () => {
    const emitted = sinon.stub(process, 'emitWarning');
    const result = loadWithoutWarning('DEP0111', () => {
      process.emitWarning("Access to process.binding('http_parser') is deprecated.", 'DeprecationWarning', 'DEP0111');
      process.emitWarning('another deprecation', 'DeprecationWarning', 'DEP0005');
      process.emitWarning('the same code, as options', { type: 'DeprecationWarning', code: 'DEP0111' });
      process.emitWarning('a plain warning');
      return 42;
    });
    assert.equal(result, 42);
    assert.deepEqual(
      emitted.getCalls().map((c) => c.args[0]),
      ['another deprecation', 'a plain warning'],
    );
    assert.equal(process.emitWarning, emitted, 'restored after loading');
    process.emitWarning('after loading', 'DeprecationWarning', 'DEP0111');
    assert.equal(emitted.lastCall.args[0], 'after loading');
  });

  it("is where the warning came from: restify alone prints it, CertLink's server module does not", () => {
    assert.match(nodeStderr("require('restify')"), /\[DEP0111\] DeprecationWarning: Access to process\.binding\('http_parser'\)/);
    assert.equal(nodeStderr("require('./bot/http/server.js')"), '');
  });

  it('npm start prints no warning', async function () {
    this.timeout(30_000);
    const bot = await startBotProcess({});
    try {
      const res = await fetch(`${bot.url}/healthz`);
      assert.equal(res.status, 200);
    } finally {
      await bot.stop();
    }
    assert.equal(bot.stderr(), '');
  });
});
