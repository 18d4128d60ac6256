/**
 * `npm run worker`: a process that only runs the notice workers, next to any
 * number of bot processes on the same Redis (set RUN_NOTICE_WORKERS=false on the
 * bots to keep sending out of the request path). Without REDIS_URL there is no
 * shared queue, so a separate worker has nothing to do and says so.
 */
import { createLogger } from './logging';
import { AssociationService } from '../services/association/associationService';
import { AssociationStore } from '../services/association/associationStore';
import { systemClock } from '../services/clock';
import { loadOrgsFile } from '../services/directory/directoryFiles';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { toCurrentAvailability } from '../services/notices/currentAvailability';
import { NoticeStores } from '../services/notices/noticeStores';
import { NoticeTransport } from '../services/notices/types';
import { createStores } from '../services/storeFactory';
import { AppConfig } from './config';
import { loadSettingsOrExit, logEnvFile } from './envFile';
import { Notices, startNotices } from './proactive/startNotices';
import { createRuntime } from './runtime/createRuntime';
import { applyRuntimeTuning } from './runtimeTuning';

export interface NoticeWorkerProcessDeps {
  config: AppConfig;
  associationStore: AssociationStore;
  notices: NoticeStores;
  /** Where cards go: the runtime's proactive transport. */
  transport: NoticeTransport;
  onError?(err: unknown): void;
}

/** Runs the workers until stop(); the bot's composition root can call this too (in-process workers). */
export async function runNoticeWorkers(deps: NoticeWorkerProcessDeps): Promise<Notices> {
  const { config } = deps;
  const associations = new AssociationService({ store: deps.associationStore, clock: systemClock, limits: config.limits });
  const orgs = new OrgDirectory(loadOrgsFile(config.orgsFile));
  return startNotices({
    config,
    stores: deps.notices,
    transport: deps.transport,
    runWorkers: true,
    currentAvailability: async (mcid) => toCurrentAvailability(await associations.status(mcid), config.limits, (mpnId) => orgs.nameOf(mpnId)),
    onError: deps.onError,
  });
}

async function main(): Promise<void> {
  const { config, envFile } = loadSettingsOrExit('npm run worker');
  if (!config.redisUrl) {
    console.error('npm run worker needs REDIS_URL: without Redis, notices run inside the bot process (RUN_NOTICE_WORKERS=true).');
    process.exit(2);
  }
  applyRuntimeTuning(config);
  const log = createLogger(config.logLevel);
  logEnvFile(log, envFile);
  // The worker only reads REDIS_URL, so this is one Redis server, never a Cluster.
  const stores = await createStores({ redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix });
  const notices = await runNoticeWorkers({
    config,
    associationStore: stores.associations,
    notices: stores.notices,
    transport: createRuntime(config, log).proactive,
    onError: (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'notice worker error'),
  });
  log.info({ concurrency: config.notices.workerConcurrency, tenantRatePerSecond: config.notices.tenantRatePerSecond }, 'notice worker running');
  const shutdown = async () => {
    await notices.stop();
    await stores.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
