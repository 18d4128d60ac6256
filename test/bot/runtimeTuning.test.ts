import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { applyRuntimeTuning } from '../../bot/runtimeTuning';

describe('runtime tuning: the V8 settings applied at start', () => {
  it('turns allocation-site pretenuring off by default, and leaves V8 alone when asked to keep it', () => {
    const set: string[] = [];
    assert.deepEqual(
      applyRuntimeTuning({ v8Pretenuring: false }, (flag) => set.push(flag)),
      ['--no-allocation-site-pretenuring'],
    );
    assert.deepEqual(set, ['--no-allocation-site-pretenuring']);
    set.length = 0;
    assert.deepEqual(
      applyRuntimeTuning({ v8Pretenuring: true }, (flag) => set.push(flag)),
      [],
    );
    assert.deepEqual(set, []);
  });

  it("is a flag this Node's V8 knows (an unknown one is only reported on stderr, so look there)", () => {
    const script = `require(${JSON.stringify(path.resolve(__dirname, '../../bot/runtimeTuning.js'))}).applyRuntimeTuning({ v8Pretenuring: false }); console.log('ok');`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'ok');
    assert.equal(run.stderr, '');
  });
});
