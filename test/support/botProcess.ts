/**
 * Runs dist/bot/index.js as a child process, as `npm start` would, and learns
 * its port from its first log lines. For tests and scenarios that need a real
 * process: signals, two processes on one Redis, a process surviving an outage.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const BOT_ENTRY = path.resolve(__dirname, '..', '..', 'bot', 'index.js');

export interface BotProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Every stdout line (pino JSON) so far. */
  lines: string[];
  /** Everything written to stderr so far (Node's own warnings go there). */
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** env: the child's variables over PATH, PORT=0 and LOG_LEVEL=info; a name given as undefined is left unset. */
export async function startBotProcess(env: Record<string, string | undefined>, startTimeoutMs = 20000, cwd?: string): Promise<BotProcess> {
  const childEnv = Object.fromEntries(Object.entries({ PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env }).filter(([, value]) => value !== undefined));
  const child = spawn(process.execPath, [BOT_ENTRY], { env: childEnv, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  // 'close', not 'exit': 'exit' may come while the last log lines are still in the stdout pipe, and a test reading `lines` then misses them.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  let buffered = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot process did not start in ${startTimeoutMs} ms:\n${lines.join('\n')}\n${stderr}`)), startTimeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        try {
          const parsed = JSON.parse(line) as { port?: unknown; msg?: unknown };
          if (typeof parsed.port === 'number' && /listening/.test(String(parsed.msg))) {
            clearTimeout(timer);
            resolve(parsed.port);
          }
        } catch {
          // not JSON: keep it for the error message
        }
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`bot process exited with ${code} before listening:\n${lines.join('\n')}\n${stderr}`));
    });
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    lines,
    stderr: () => stderr,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    },
  };
}
