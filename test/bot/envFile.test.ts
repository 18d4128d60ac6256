/**
 * .env (bot/envFile.ts): read by every entry point from the directory it starts in, the
 * environment winning, a malformed line an error that names the file and the line. The process
 * tests start the real entry points as npm does, with a temporary directory as their cwd.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../bot/config';
import { findMalformedLine, loadEnvFile } from '../../bot/envFile';
import { startBotProcess } from '../support/botProcess';
import { freePort } from '../support/freePort';

const DIST = path.resolve(__dirname, '..', '..');

describe('.env (bot/envFile.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'certlink-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const writeEnv = (content: string) => writeFileSync(path.join(dir, '.env'), content);

  it('accepts NAME=value, export, comments, blank lines and quoted values over several lines', () => {
    assert.equal(findMalformedLine('# settings\n\nPORT=3999\nexport LOG_LEVEL = debug\nA="two\nlines"\nB=\'x\' # note\nC=\n'), null);
  });

  it('names the first malformed line, without quoting it', () => {
    assert.deepEqual(findMalformedLine('PORT=1\nPORT 3999\nC=2'), { line: 2, reason: 'expected NAME=value (a name of letters, digits and _), a # comment or a blank line' });
    assert.equal(findMalformedLine('-J=1')?.line, 1);
    assert.equal(findMalformedLine('A=1\nB="open\nC=2\n')?.line, 2);
    assert.match(findMalformedLine('A=1\nB="open\nC=2\n')?.reason ?? '', /opens a " quote that no later line closes/);
  });

  it('fills in what the environment lacks and keeps what it has', () => {
    writeEnv('PORT=3999\nLOG_LEVEL=debug\nMicrosoftAppPassword="s3cret"\n');
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn' };
    const result = loadEnvFile(dir, env);
    assert.deepEqual({ ...result, applied: result?.applied.sort() }, { file: path.join(dir, '.env'), applied: ['MicrosoftAppPassword', 'PORT'], keptFromEnvironment: ['LOG_LEVEL'] });
    assert.deepEqual(env, { LOG_LEVEL: 'warn', PORT: '3999', MicrosoftAppPassword: 's3cret' });
  });

  it('is nothing when there is no .env, and a ConfigError naming the file and line when one is malformed', () => {
    const env: NodeJS.ProcessEnv = {};
    assert.equal(loadEnvFile(dir, env), null);
    writeEnv('PORT=3999\n\nPORT 4000\n');
    assert.throws(
      () => loadEnvFile(dir, env),
      (err: Error) => err instanceof ConfigError && err.message.startsWith(`${path.join(dir, '.env')} line 3: expected NAME=value`),
    );
    assert.deepEqual(env, {}, 'nothing applied from a malformed file');
  });

  it('npm start listens on the PORT of .env, says which file it read, and lets the environment win', async function () {
    this.timeout(60_000);
    const port = await freePort();
    writeEnv(`# copied from .env.sample\nPORT=${port}\n`);
    const fromFile = await startBotProcess({ PORT: undefined }, 20_000, { cwd: dir });
    try {
      assert.equal(fromFile.port, port);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      assert.equal(res.status, 200);
      const said = fromFile.lines.map((l) => JSON.parse(l) as { msg: string; envFile?: string; applied?: string[] }).find((l) => l.envFile);
      assert.deepEqual([said?.envFile, said?.applied], [path.join(dir, '.env'), ['PORT']]);
      assert.match(said?.msg ?? '', /^Settings read from .*\.env: PORT$/);
    } finally {
      await fromFile.stop();
    }
    const fromEnvironment = await startBotProcess({ PORT: '0' }, 20_000, { cwd: dir });
    try {
      assert.notEqual(fromEnvironment.port, port);
      assert.ok(fromEnvironment.lines.some((l) => /"keptFromEnvironment":\["PORT"\]/.test(l)));
    } finally {
      await fromEnvironment.stop();
    }
  });

  it('a malformed line stops npm start, npm run worker and npm run import with the file and line, never the line itself', () => {
    writeEnv('LOG_LEVEL=info\nPORT 3999\n');
    const run = (entry: string, ...args: string[]) => spawnSync(process.execPath, [path.join(DIST, entry), ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 15_000 });
    for (const entry of ['bot/index.js', 'bot/worker.js', 'scripts/import.js']) {
      const out = run(entry, '--help');
      assert.equal(out.status, 1, `${entry}: ${out.stderr}`);
      assert.match(out.stderr, new RegExp(`${path.join(dir, '.env').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 2: expected NAME=value`), entry);
      assert.doesNotMatch(out.stderr, /3999/, entry);
    }
  });

  it('a script says which .env it read on standard error, keeping standard output for its own report', () => {
    writeEnv('LOG_LEVEL=warn\n');
    const out = spawnSync(process.execPath, [path.join(DIST, 'scripts/import.js'), '--help'], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 15_000 });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stderr.trim(), `Settings read from ${path.join(dir, '.env')}: LOG_LEVEL`);
    assert.doesNotMatch(out.stdout, /Settings read/);
  });
});
