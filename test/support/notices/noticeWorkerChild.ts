/**
 * A notice worker in its own process, so a test can kill -9 it mid-send.
 * Environment: REDIS_URL, NOTICE_PREFIX, NOTICE_QUEUE, NOTICE_CLAIM_TTL_MS, NOTICE_CONCURRENCY.
 * Uses the real composition (startNotices) and the botbuilder transport in local mode.
 */
import Redis from 'ioredis';
import { createConnectorTransport } from '../../../bot/runtime/botbuilder/proactiveTransport';
import { startNotices } from '../../../bot/proactive/startNotices';
import { systemClock } from '../../../services/clock';
import { redisNoticeStores } from '../../../services/redis/redisNotices';
import { DEFAULT_LIMITS } from '../../../services/association/types';

async function main(): Promise<void> {
  const env = process.env;
  const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  await startNotices({
    config: {
      limits: DEFAULT_LIMITS,
      notices: {
        tenantRatePerSecond: 10_000,
        runWorkers: true,
        workerConcurrency: Number(env.NOTICE_CONCURRENCY ?? 4),
        claimTtlSeconds: 600,
      },
    },
    stores: redisNoticeStores({ client, queueTarget: redisUrl, keyPrefix: env.NOTICE_PREFIX, clock: systemClock }),
    transport: createConnectorTransport({ microsoftAppId: '', microsoftAppPassword: '', microsoftAppType: 'MultiTenant', microsoftAppTenantId: '' }),
    currentAvailability: async () => ({ nextDate: new Date(0), associationsLeft: 2, link: null, lastStartAt: null }),
    delivery: { claimTtlMs: Number(env.NOTICE_CLAIM_TTL_MS ?? 2000) },
    bullmq: { queueName: env.NOTICE_QUEUE, lockDurationMs: 1000, stalledIntervalMs: 500 },
  });
  process.send?.('ready');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
