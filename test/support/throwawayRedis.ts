/**
 * A private redis-server child on a free port, to stop, freeze and restart
 * under the adapters without touching the shared Redis.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRedis, waitUntilReady } from '../../services/redis/redisConnection';

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ThrowawayRedisOptions {
  /** appendonly yes in its own directory, so a restart after a kill keeps the data (default off). */
  appendOnly?: boolean;
}

export class ThrowawayRedis {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'certlink-redis-'));

  private constructor(
    readonly port: number,
    private readonly options: ThrowawayRedisOptions = {},
  ) {}

  static async start(options: ThrowawayRedisOptions = {}): Promise<ThrowawayRedis> {
    const server = new ThrowawayRedis(await freePort(), options);
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** (Re)starts the server on the same port and waits until it answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error('already running');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', this.options.appendOnly ? 'yes' : 'no', '--dir', this.dir];
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.child = child;
    running.add(child);
    child.on('exit', () => running.delete(child));
    await new Promise<void>((resolve, reject) => {
      child.once('error', (err) => reject(new Error(`cannot start redis-server (apt-get install -y redis-server): ${err.message}`)));
      child.once('spawn', () => resolve());
    });
    const probe = createRedis(this.url);
    try {
      await waitUntilReady(probe, 5000);
    } finally {
      probe.disconnect();
    }
  }

  /** Kills the server outright, as a crash would. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** Freezes the server: connections stay open but nothing is answered. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async dispose(): Promise<void> {
    this.resume();
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Retries `fn` until it succeeds; rethrows its last error once `limitMs` has passed. */
export async function eventually<T>(fn: () => Promise<T>, limitMs = 15000, everyMs = 100): Promise<T> {
  const giveUpAt = Date.now() + limitMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > giveUpAt) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
