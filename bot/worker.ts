/**
 * `npm run worker`: a process that only runs the notice workers, next to any
 * number of bot processes on the same Redis server or Cluster (set
 * RUN_NOTICE_WORKERS=false on the bots to keep sending out of the request path).
 * Without REDIS_URL or REDIS_CLUSTER_NODES there is no shared queue, so a separate
 * worker has nothing to do and says so.
 */
import { createLogger } from './logging';
import { AssociationService } from '../services/association/associationService';
import { AssociationStore } from '../services/association/associationStore';
import { Clock, systemClock } from '../services/clock';
import { loadOrgsFile } from '../services/directory/directoryFiles';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { toCurrentAvailability } from '../services/notices/currentAvailability';
import { NoticeStores } from '../services/notices/noticeStores';
import { NoticeTransport } from '../services/notices/types';
import { ReportService } from '../services/report/reportService';
import { RoleService } from '../services/roles/roleService';
import { createStores, Stores } from '../services/storeFactory';
import { AppConfig } from './config';
import { loadSettingsOrExit, logEnvFile } from './envFile';
import { clockFor } from './fileClock';
import { renewalHandlers, renewalSources } from './proactive/renewalNotices';
import { Notices, startNotices } from './proactive/startNotices';
import { createRuntime } from './runtime/createRuntime';
import { applyRuntimeTuning } from './runtimeTuning';

export interface NoticeWorkerProcessDeps {
  config: AppConfig;
  associationStore: AssociationStore;
  notices: NoticeStores;
  /** Where cards go: the runtime's proactive transport. */
  transport: NoticeTransport;
  /** The bot's clock (the same file clock in test runs), so a notice is checked against the day the bot sees. */
  clock?: Clock;
  onError?(err: unknown): void;
  onCarriedOver?(count: number): void;
  /** What renewal reminders and monthly digests read; absent, they are dropped when they come due. */
  renewalStores?: Pick<Stores, 'profiles' | 'partnerAdmins' | 'audit' | 'reportIndex'>;
}

/** Runs the workers until stop(); the bot's composition root can call this too (in-process workers). */
export async function runNoticeWorkers(deps: NoticeWorkerProcessDeps): Promise<Notices> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const associations = new AssociationService({ store: deps.associationStore, clock, limits: config.limits });
  const orgs = new OrgDirectory(loadOrgsFile(config.orgsFile));
  const r = deps.renewalStores;
  const renewals = r
    ? renewalHandlers(
        renewalSources({
          settings: config.renewals,
          clock,
          associations,
          profiles: r.profiles,
          orgs,
          roles: new RoleService({ partnerAdmins: r.partnerAdmins, audit: r.audit, clock }),
          reports: new ReportService({ associations: deps.associationStore, profiles: r.profiles, index: r.reportIndex, partnerName: (mpnId) => orgs.byMpnId(mpnId)?.name ?? null }),
        }),
      )
    : undefined;
  return startNotices({
    renewals,
    config,
    clock,
    stores: deps.notices,
    transport: deps.transport,
    runWorkers: true,
    currentAvailability: async (mcid) => toCurrentAvailability(await associations.status(mcid), config.limits, (mpnId) => orgs.nameOf(mpnId)),
    onError: deps.onError,
    onCarriedOver: deps.onCarriedOver,
  });
}

async function main(): Promise<void> {
  const { config, envFile } = loadSettingsOrExit('npm run worker');
  if (!config.redisUrl && !config.redisClusterNodes) {
    console.error('npm run worker needs REDIS_URL or REDIS_CLUSTER_NODES: without Redis, notices run inside the bot process (RUN_NOTICE_WORKERS=true).');
    process.exit(2);
  }
  applyRuntimeTuning(config);
  const log = createLogger(config.logLevel);
  logEnvFile(log, envFile);
  const stores = await createStores({ redisUrl: config.redisUrl, redisClusterNodes: config.redisClusterNodes, keyPrefix: config.redisKeyPrefix });
  const notices = await runNoticeWorkers({
    config,
    associationStore: stores.associations,
    notices: stores.notices,
    renewalStores: stores,
    transport: createRuntime(config, log).proactive,
    clock: clockFor(config, log),
    onError: (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'notice worker error'),
    onCarriedOver: (count) => log.info({ count }, 'notices carried over from the queue keys of an earlier release'),
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
