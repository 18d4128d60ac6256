/**
 * Microsoft 365 Agents Playground (@microsoft/m365agentsplayground, pinned 0.2.28) as a child
 * process pointed at a running CertLink: no browser opened (TEAMSAPPTESTER_BROWSER=none), no
 * telemetry (--dt), mock tenant and people from .m365agentsplayground.yml. Used by `npm run dev`
 * and by the playground test.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const PLAYGROUND_CONFIG = path.join(REPO_ROOT, '.m365agentsplayground.yml');
export const DEFAULT_PLAYGROUND_PORT = 56150;

export interface PlaygroundOptions {
  /** CertLink's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  appEndpoint: string;
  /** Asked for; the playground takes a random one when it is busy, and `url` says which. */
  port?: number;
  logFile?: string;
  /** Lines the playground prints, for the caller's own output. */
  onOutput?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startPlayground(opts: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [cli, 'start', '--app-endpoint', opts.appEndpoint, '--channel-id', 'msteams', '--port', String(opts.port ?? DEFAULT_PLAYGROUND_PORT), '--dt'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: opts.logFile ?? path.join(REPO_ROOT, 'devTools', 'm365agentsplayground.log'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the playground did not start within ${opts.startTimeoutMs ?? 30000} ms. Output:\n${output}`)), opts.startTimeoutMs ?? 30000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      void stop();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) opts.onOutput?.(line);
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`the playground exited with code ${code}. Output:\n${output}`)));
    child.once('error', fail);
  });
  return { url: `http://localhost:${port}`, port, child, stop };
}
