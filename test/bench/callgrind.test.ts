import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callgrindTotal } from '../../bench/callgrind';

describe('bench instruction count (callgrind output)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'certlink-cg-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const dump = (name: string, totals: number): void => writeFileSync(path.join(dir, name), `# callgrind format\nversion: 1\nsummary: 0\n\nfn=(1) main\n12 ${totals}\n\ntotals: ${totals}\n`);

  it("adds up every dump of the process and nothing of another process's", () => {
    dump('cg.123', 0); // what callgrind writes at exit, after counting was turned off
    dump('cg.123.1', 5_000_000);
    dump('cg.123.2', 250);
    dump('cg.1234.1', 9_999_999); // a pid that merely starts with the same digits
    assert.equal(callgrindTotal(dir, 123), 5_000_250);
  });

  it('is 0 when the process wrote nothing', () => {
    dump('cg.77.1', 42);
    assert.equal(callgrindTotal(dir, 123), 0);
  });
});
