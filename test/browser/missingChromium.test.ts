/**
 * A machine without Chromium: outside CI every browser suite reports itself skipped, naming the
 * command that installs it, and the run passes; with CI=true the same run fails. The suites are
 * run by mocha in a child process with CHROMIUM_PATH pointing to a file that does not exist.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MOCHA = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
/** Every browser suite but this one. */
const SUITES = readdirSync(__dirname)
  .filter((f) => f.endsWith('.test.js') && f !== path.basename(__filename))
  .map((f) => path.join(__dirname, f));

function runBrowserSuite(env: Record<string, string>) {
  const out = spawnSync(process.execPath, [MOCHA, '--no-config', '--exit', '--timeout', '20000', ...SUITES], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', CHROMIUM_PATH: '/nonexistent/chromium', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: out.status, output: out.stdout + out.stderr };
}

describe('browser tests on a machine without Chromium', function () {
  this.timeout(90_000);

  it('outside CI: skipped, loudly, with the command that installs the browser, and the run passes', () => {
    const { status, output } = runBrowserSuite({});
    assert.equal(status, 0, output);
    const lines = [...output.matchAll(/SKIPPED (\d+) browser tests: Chromium is not installed at \/nonexistent\/chromium\. Install it with: apt-get install -y chromium\n/g)];
    assert.equal(lines.length, SUITES.length, `one line per suite: ${output}`);
    const skipped = lines.reduce((n, m) => n + Number(m[1]), 0);
    assert.ok(skipped > SUITES.length, output);
    assert.match(output, /0 passing/);
    assert.match(output, new RegExp(`\\b${skipped} pending`));
    assert.doesNotMatch(output, /failing/);
  });

  it('with CI=true: a failure, as a missing Redis is', () => {
    const { status, output } = runBrowserSuite({ CI: 'true' });
    assert.notEqual(status, 0, output);
    assert.match(output, /Chromium is not installed at \/nonexistent\/chromium \(CI=true: \.ci\/run should have installed it\)/);
    assert.doesNotMatch(output, /SKIPPED/);
  });
});
