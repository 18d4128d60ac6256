import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

describe('the build step (scripts/build.cjs)', function () {
  this.timeout(60_000);

  it('removes compiled files whose source was moved or deleted, and keeps the others', () => {
    // A test moved elsewhere would otherwise still run from its old compiled copy.
    const ghostDir = path.join(root, 'dist', 'test', `moved-${randomBytes(4).toString('hex')}`);
    mkdirSync(ghostDir, { recursive: true });
    const ghost = path.join(ghostDir, 'old.test.js');
    writeFileSync(ghost, "describe('a moved test', () => it('runs twice', () => undefined));\n");
    writeFileSync(`${ghost}.map`, '{}');
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.cjs'), 'tsconfig.test.json'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(existsSync(ghost), false);
    assert.equal(existsSync(`${ghost}.map`), false);
    assert.equal(existsSync(ghostDir), false, 'an emptied folder goes too');
    assert.equal(existsSync(path.join(root, 'dist', 'test', 'scripts', 'build.test.js')), true, 'this test, whose source exists, is kept');
    assert.equal(existsSync(path.join(root, 'dist', 'bot', 'index.js')), true);
  });
});
