import { bool, ConfigError, Env, int } from './parse';

/** Proactive notices (services/notices, bot/proactive). */
export interface NoticeConfig {
  /** Proactive sends per second per tenant from one process (Teams allows 50 per app per tenant). */
  tenantRatePerSecond: number;
  /** Run the notice workers inside the bot process; false when `npm run worker` processes run them. */
  runWorkers: boolean;
  /** Notices one worker process handles at once. */
  workerConcurrency: number;
  /** How long a worker owns a notice it is sending before another may take over (exactly-once claim). */
  claimTtlSeconds: number;
}

/** Renewal reminders (services/renewals): when a certification's free renewal on Microsoft Learn is announced. */
export interface RenewalConfig {
  /** Days before expiry the renewal window opens: the first reminder (RENEWAL_WINDOW_DAYS, default 180). */
  windowDays: number;
  /** Days before expiry of the second, last reminder (RENEWAL_LAST_CALL_DAYS, default 30); less than windowDays. */
  lastCallDays: number;
}

export function noticeSettings(env: Env): NoticeConfig {
  return {
    tenantRatePerSecond: int(env, 'NOTICE_TENANT_RATE_PER_SECOND', 50, 1, 10_000),
    runWorkers: bool(env, 'RUN_NOTICE_WORKERS', true),
    workerConcurrency: int(env, 'NOTICE_WORKER_CONCURRENCY', 50, 1, 1000),
    claimTtlSeconds: int(env, 'NOTICE_CLAIM_TTL_SECONDS', 600, 5, 86_400),
  };
}

export function renewalSettings(env: Env): RenewalConfig {
  const windowDays = int(env, 'RENEWAL_WINDOW_DAYS', 180, 1, 365);
  const lastCallDays = int(env, 'RENEWAL_LAST_CALL_DAYS', 30, 1, 364);
  // The last call comes after the first reminder, or there would be no "first".
  if (lastCallDays >= windowDays) throw new ConfigError(`RENEWAL_LAST_CALL_DAYS (${lastCallDays}) must be less than RENEWAL_WINDOW_DAYS (${windowDays})`);
  return { windowDays, lastCallDays };
}
