/**
 * The repository carries the documents its code relies on: every docs/… or *.md file that the
 * source, the settings or the README names exists, and none names a design document that is
 * not in the repository.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'test-artifacts', 'devTools', 'coverage']);
const TEXT = /\.(ts|js|json|md|html|css|yml|sample)$|^\.env\.sample$/;

function repositoryFiles(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return repositoryFiles(full);
    return TEXT.test(name) && name !== 'package-lock.json' ? [full] : [];
  });
}

describe("documents: the repository's own, and only those", () => {
  const files = repositoryFiles().map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, 'utf8') }));

  it('cites no design document outside the repository', () => {
    // Written as a pattern so that this file does not name it either.
    assert.deepEqual(
      files.filter((f) => /D[E]SIGN\.md/i.test(f.text)).map((f) => f.file),
      [],
    );
  });

  it('names only docs/ files that exist', () => {
    assert.ok(files.length > 100, `found only ${files.length} files`);
    const missing = files.flatMap((f) =>
      [...f.text.matchAll(/\bdocs\/([A-Za-z0-9_-]+\.(?:md|png))/g)]
        .map((m) => m[1])
        .filter((doc) => !existsSync(path.join(ROOT, 'docs', doc)))
        .map((doc) => `${f.file} → docs/${doc}`),
    );
    assert.deepEqual(missing, []);
  });

  it('has the rules, data formats and conventions the code refers to', () => {
    const rules = readFileSync(path.join(ROOT, 'docs', 'RULES.md'), 'utf8');
    for (let r = 1; r <= 10; r++) assert.match(rules, new RegExp(`^\\| R${r} \\|`, 'm'), `R${r} in docs/RULES.md`);
  });
});
