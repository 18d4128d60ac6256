/**
 * A throwaway Redis Cluster: three masters on loopback, no replicas, in a temp
 * directory, created with `redis-cli --cluster create`. Never the shared
 * Redis. stop() kills the nodes and removes the directory; so does process exit.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';

const run = promisify(execFile);
const alive = new Set<ChildProcess>();
const dirs = new Set<string>();
process.on('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port whose cluster bus port (+10000) is free too. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    if (taken.has(port)) continue;
    if ((await portFree(port)) && (await portFree(port + 10000))) return port;
  }
}

export interface RedisClusterHandle {
  ports: number[];
  /** "127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3", as REDIS_CLUSTER_NODES takes it. */
  nodes: string;
  stop(): Promise<void>;
}

export async function startRedisCluster(masters = 3): Promise<RedisClusterHandle> {
  const dir = mkdtempSync(path.join(tmpdir(), 'certlink-cluster-'));
  dirs.add(dir);
  const ports: number[] = [];
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    children.forEach((c) => alive.delete(c));
    rmSync(dir, { recursive: true, force: true });
    dirs.delete(dir);
  };
  try {
    const taken = new Set<number>();
    for (let i = 0; i < masters; i++) {
      const port = await clusterPort(taken);
      taken.add(port);
      ports.push(port);
      const nodeDir = path.join(dir, String(port));
      mkdirSync(nodeDir);
      const child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '2000', '--save', '', '--appendonly', 'no', '--dir', nodeDir],
        { stdio: 'ignore' },
      );
      children.push(child);
      alive.add(child);
      await new Promise<void>((resolve, reject) => {
        child.once('error', (err) => reject(new Error(`cannot start redis-server (apt-get install -y redis-server): ${err.message}`)));
        child.once('spawn', () => resolve());
      });
    }
    for (const port of ports) await waitForPing(port);
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of ports) await waitForClusterOk(port);
    return { ports, nodes: ports.map((p) => `127.0.0.1:${p}`).join(','), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForPing(port: number): Promise<void> {
  const giveUp = Date.now() + 10000;
  for (;;) {
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > giveUp) throw new Error(`redis-server on ${port} did not answer`);
    } finally {
      client.disconnect();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitForClusterOk(port: number): Promise<void> {
  const giveUp = Date.now() + 20000;
  const client = new Redis(port, '127.0.0.1');
  try {
    for (;;) {
      const info = await client.cluster('INFO');
      if (/cluster_state:ok/.test(String(info))) return;
      if (Date.now() > giveUp) throw new Error(`cluster not ok on ${port}: ${info}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    client.disconnect();
  }
}
