/**
 * Runs dist/bot/index.js as a child process, as `npm start` would, and learns
 * its port from its first log lines. For tests and scenarios that need a real
 * process: signals, two processes on one Redis, a process surviving an outage.
 * startLoggingProcess runs any CertLink process (the notice worker too) until a
 * log line says it is ready.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { runtimeEnv } from './testRuntime';

const BOT_ENTRY = path.resolve(__dirname, '..', '..', 'bot', 'index.js');

export interface LoggingProcess {
  child: ChildProcess;
  /** Every stdout line (pino JSON) so far. */
  lines: string[];
  /** Everything written to stderr so far (Node's own warnings go there). */
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface BotProcess extends LoggingProcess {
  port: number;
  url: string;
}

/** How to start it: a command (default: this node on dist/bot/index.js), its directory and user. */
export interface ProcessCommand {
  command?: string[];
  cwd?: string;
  uid?: number;
  gid?: number;
  /** A process group of its own, signalled whole on stop: for a command such as `npm start` whose node is a grandchild. */
  processGroup?: boolean;
}

/**
 * Starts the command with env (PATH, PORT=0, METRICS_PORT=0 and LOG_LEVEL=info unless env says otherwise; a name
 * given as undefined is left unset) and resolves once `ready` returns a value for one of its JSON log lines.
 */
export async function startLoggingProcess<T>(
  env: Record<string, string | undefined>,
  ready: (line: { msg?: unknown; [key: string]: unknown }) => T | undefined,
  startTimeoutMs = 20000,
  how: ProcessCommand = {},
): Promise<LoggingProcess & { ready: T }> {
  const [file, ...args] = how.command ?? [process.execPath, BOT_ENTRY];
  const child = spawn(file, args, {
    env: Object.fromEntries(Object.entries({ PATH: process.env.PATH ?? '', ...runtimeEnv(), PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'info', ...env }).filter(([, value]) => value !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: how.cwd,
    uid: how.uid,
    gid: how.gid,
    detached: how.processGroup ?? false,
  });
  const signal = (name: NodeJS.Signals) => (how.processGroup && child.pid ? process.kill(-child.pid, name) : child.kill(name));
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  // 'close', not 'exit': 'exit' may come while the last log lines are still in the stdout pipe, and a test reading `lines` then misses them.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  let buffered = '';
  const value = await new Promise<T>((resolve, reject) => {
    const name = [file, ...args].map((part) => path.basename(part)).join(' ');
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${startTimeoutMs} ms:\n${lines.join('\n')}\n${stderr}`)), startTimeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        try {
          const found = ready(JSON.parse(line) as { msg?: unknown });
          if (found !== undefined) {
            clearTimeout(timer);
            resolve(found);
          }
        } catch {
          // not JSON: keep it for the error message
        }
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${lines.join('\n')}\n${stderr}`));
    });
  });
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    ready: value,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function startBotProcess(env: Record<string, string | undefined>, startTimeoutMs = 20000, how: ProcessCommand = {}): Promise<BotProcess> {
  const started = await startLoggingProcess(env, (line) => (typeof line.port === 'number' && /listening/.test(String(line.msg)) ? line.port : undefined), startTimeoutMs, how);
  return { ...started, port: started.ready, url: `http://127.0.0.1:${started.ready}` };
}
