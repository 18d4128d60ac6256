/**
 * The bot side of the report bench, in its own process so its memory can be
 * measured alone: a restify server with only the download route, on Redis
 * under the bench's key prefix. Talks to the parent over IPC.
 */
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import '../bot/http/restifyLoad';
import * as restify from 'restify';
import { loadConfig } from '../bot/config';
import { registerReportDownload } from '../bot/http/reportDownloadRoute';
import { applyRuntimeTuning } from '../bot/runtimeTuning';
import { systemClock } from '../services/clock';
import { Organization } from '../services/directory/types';
import { MemoryPartnerAdminStore } from '../services/memory/memoryPartnerAdminStore';
import { RedisAssociationStore } from '../services/redis/redisAssociationStore';
import { RedisAuditLog } from '../services/redis/redisAuditLog';
import { createRedis, waitUntilReady } from '../services/redis/redisConnection';
import { RedisOnceStore } from '../services/redis/redisOnceStore';
import { RedisProfileStore } from '../services/redis/redisProfileStore';
import { RedisReportIndexStore } from '../services/redis/redisReportIndexStore';
import { ReportService } from '../services/report/reportService';
import { DownloadLinkSigner } from '../services/report/signedLink';
import { RoleService } from '../services/roles/roleService';

export type ChildMessage =
  | { kind: 'ready'; port: number }
  /** cpuSeconds: user + system CPU of this process (all its threads, GC included) since it said ready. */
  | { kind: 'memory'; peakRssMb: number; rssMb: number; cpuSeconds: number };

/** Peak resident set of this process since it started (VmHWM), in MB; falls back to the current RSS off Linux. */
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss / 1024 / 1024;
}

function optionalInt(value: string | undefined): number | undefined {
  return value ? Number.parseInt(value, 10) : undefined;
}

async function main(): Promise<void> {
  // The bot's own V8 settings, so the memory and time measured here are the bot's.
  applyRuntimeTuning(loadConfig());
  const prefix = process.env.BENCH_PREFIX as string;
  const org: Organization = JSON.parse(process.env.BENCH_ORG as string) as Organization;
  // Opened the way the bot opens it (command timeout, no offline queue), so the figures are the bot's.
  const redis = createRedis(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379', { connectionName: 'certlink-report-bench' });
  await waitUntilReady(redis);
  const audit = new RedisAuditLog(redis, { keyPrefix: prefix });
  const profiles = new RedisProfileStore(redis, prefix);
  const reports = new ReportService({
    associations: new RedisAssociationStore(redis, prefix),
    profiles,
    index: new RedisReportIndexStore(redis, prefix),
    partnerName: (m) => (m === org.mpnId ? org.name : null),
    // For trying other settings by hand; the bench itself runs the defaults.
    batchSize: optionalInt(process.env.BENCH_BATCH_SIZE),
    readAheadBatches: optionalInt(process.env.BENCH_READ_AHEAD),
  });
  const server = restify.createServer();
  registerReportDownload(server, {
    signer: new DownloadLinkSigner({ secret: process.env.BENCH_SECRET as string, publicBaseUrl: 'http://127.0.0.1', clock: systemClock }),
    roles: new RoleService({ partnerAdmins: new MemoryPartnerAdminStore(), audit, clock: systemClock }),
    orgByMpnId: (m) => (m === org.mpnId ? org : null),
    reports,
    audit,
    once: new RedisOnceStore(redis, prefix),
    clock: systemClock,
    onError: (err) => process.stderr.write(`download error: ${(err as Error).message}\n`),
  });
  let cpuAtReady = process.cpuUsage();
  server.listen(0, '127.0.0.1', () => {
    cpuAtReady = process.cpuUsage();
    process.send?.({ kind: 'ready', port: (server.address() as AddressInfo).port } satisfies ChildMessage);
  });
  process.on('message', (msg: { kind: string }) => {
    if (msg.kind === 'memory') {
      const cpu = process.cpuUsage(cpuAtReady);
      process.send?.({
        kind: 'memory',
        peakRssMb: peakRssMb(),
        rssMb: process.memoryUsage().rss / 1024 / 1024,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      } satisfies ChildMessage);
    }
    if (msg.kind === 'stop') server.close(() => redis.quit().finally(() => process.exit(0)));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`report bench child failed: ${(err as Error).message}\n`);
  process.exit(1);
});
