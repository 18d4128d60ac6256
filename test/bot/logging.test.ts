import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logging';
import { summarizeError } from '../../bot/runtime/errorSummary';
import { ConnectorReplyError } from '../../bot/runtime/botbuilder/directReplyAdapter';

const logging = path.join(__dirname, '../../bot/logging.js');

/** Runs `script` in a child with createLogger('info') as `log`; resolves with the stdout lines and when each arrived. */
function runChild(script: string, timeoutMs = 10_000): Promise<Array<{ msg: string; afterMs: number }>> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['-e', `const log = require(${JSON.stringify(logging)}).createLogger('info');\n${script}`], { stdio: ['ignore', 'pipe', 'ignore'] });
    const lines: Array<{ msg: string; afterMs: number }> = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) lines.push({ msg: (JSON.parse(line) as { msg: string }).msg, afterMs: Date.now() - started });
    });
    const timer = setTimeout(() => (child.kill(), reject(new Error('the child did not exit'))), timeoutMs);
    child.on('exit', () => (clearTimeout(timer), resolve(lines)));
  });
}

describe('logs on standard output (batched writes)', function () {
  this.timeout(15_000);

  it('a quiet bot still shows its lines within about a second', async () => {
    const lines = await runChild(`log.info('listening'); setTimeout(() => log.info('first turn'), 300); setTimeout(() => process.exit(0), 3000);`);
    assert.deepEqual(
      lines.map((l) => l.msg),
      ['listening', 'first turn'],
    );
    assert.ok(lines[1].afterMs < 2500, `the lines arrived ${lines[1].afterMs} ms after start, before the exit's flush`);
  });

  it('loses no line when the process exits or crashes right after logging', async () => {
    const exited = await runChild(`for (let i = 0; i < 3; i++) log.info('turn ' + i); log.fatal('could not start'); process.exit(1);`);
    assert.deepEqual(
      exited.map((l) => l.msg),
      ['turn 0', 'turn 1', 'turn 2', 'could not start'],
    );
    const crashed = await runChild(`log.info('before the crash'); setImmediate(() => { throw new Error('boom'); });`);
    assert.deepEqual(
      crashed.map((l) => l.msg),
      ['before the crash'],
    );
  });

  it('writes many lines whole and in order', async () => {
    const lines = await runChild(`for (let i = 0; i < 500; i++) log.info('line ' + i); setTimeout(() => process.exit(0), 100);`);
    assert.deepEqual(
      lines.map((l) => l.msg),
      Array.from({ length: 500 }, (_, i) => `line ${i}`),
    );
  });
});

describe('error summaries in logs', () => {
  it('keep the error class and status, not "Object"', async () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    log.error({ err: summarizeError(new ConnectorReplyError(403, {})) }, 'turn failed');
    log.error({ err: String(new Error('as text')) }, 'could not save');
    const [summary, text] = lines.map((l) => JSON.parse(l) as { err: unknown });
    assert.deepEqual({ ...(summary.err as object), stack: undefined }, { type: 'ConnectorReplyError', message: 'the connector answered 403 to a reply', statusCode: 403, stack: undefined });
    assert.equal(text.err, 'Error: as text');
  });
});
