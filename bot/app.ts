/**
 * The running process: stores from the config, the bot from bot/compose.ts,
 * and the HTTP server with its routes. `bot/index.ts` runs it; tests and the
 * bench start it in process or as a child with their own settings.
 */
import type { Server } from 'restify';
import { Clock, systemClock } from '../services/clock';
import { loadOrgsFile, loadProfilesFile } from '../services/directory/directoryFiles';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { pickLocale } from '../services/i18n/locale';
import { createStores, Stores } from '../services/storeFactory';
import { ComposedBot, composeBot } from './compose';
import { AppConfig } from './config';
import { createCertLinkAdapter } from './http/adapterFactory';
import { registerReportDownload } from './http/reportDownloadRoute';
import { createHttpServer, listen } from './http/server';
import { say } from './i18n/say';
import { PersonRateLimiter } from '../services/limits/personRateLimiter';
import { BotMetrics } from './metrics/botMetrics';
import { timedStore } from './metrics/timedStore';
import { addDrainGate, addMetricsRoute } from './http/operationsRoutes';
import { FileClock } from './fileClock';
import { isLocalMode } from './config';
import { Logger, useUserHashKey } from './logging';
import { MemberEmailLookup } from './teams/memberEmail';
import { MemberIdLookup } from './teams/mentions';
import { toCurrentAvailability } from '../services/notices/currentAvailability';
import { createConnectorTransport } from './proactive/connectorTransport';
import { Notices, startNotices } from './proactive/startNotices';
import { registerPersonalDataDownload } from './http/personalDataRoute';
import { sweepAuditRetention, startRetentionSweeps } from '../services/privacy/retentionSweep';
import type { JWTVerifyGetKey } from 'jose';
import { registerTabApi } from './http/tabApi';
import { createTabIdentityVerifier } from './http/tabIdentity';
import { registerTabPages } from './http/tabPages';
import { refuseUnprovenIdentity } from './turn/teamsIdentity';

export interface AppOverrides {
  clock?: Clock;
  memberEmail?: MemberEmailLookup;
  memberIds?: MemberIdLookup;
  /** Signing keys for the tabs' SSO tokens (default: Entra ID's JWKS); tests pass a local key set. */
  tabTokenKeys?: JWTVerifyGetKey;
}

export interface RunningApp extends ComposedBot {
  server: Server;
  notices: Notices;
  port: number;
  /** The stores as the bot sees them (timed for /metrics). */
  stores: Stores;
  metrics: BotMetrics;
  /** Requests being handled right now. */
  inFlight(): number;
  /**
   * Stops accepting requests (new ones get 503), waits up to
   * shutdownTimeoutSeconds for the ones in flight, stops the notice workers,
   * then closes the stores.
   */
  close(): Promise<void>;
}

function pickClock(config: AppConfig, overrides: AppOverrides, log: Logger): Clock {
  if (overrides.clock) return overrides.clock;
  if (config.fakeClockFile && isLocalMode(config)) {
    log.warn({ file: config.fakeClockFile }, 'CERTLINK_FAKE_CLOCK_FILE is set: the bot reads the time from a file (test runs only)');
    return new FileClock(config.fakeClockFile);
  }
  return systemClock;
}

export async function startCertLink(config: AppConfig, log: Logger, overrides: AppOverrides = {}): Promise<RunningApp> {
  const clock = pickClock(config, overrides, log);
  const metrics = new BotMetrics();
  const orgs = new OrgDirectory(loadOrgsFile(config.orgsFile));
  const profiles = loadProfilesFile(config.profilesFile);
  const rawStores = await createStores({
    redisUrl: config.redisUrl,
    redisClusterNodes: config.redisClusterNodes,
    keyPrefix: config.redisKeyPrefix,
    clock,
    profiles,
    auditRetentionDays: config.privacy.auditRetentionDays,
    onIndexError: () => log.warn('derived index update failed after a save; readers verify against the record'),
  });
  // Every store call is timed and its failures counted for /metrics.
  const observe = metrics.onStoreCall;
  const stores: Stores = {
    ...rawStores,
    associations: timedStore('associations', rawStores.associations, observe),
    once: timedStore('once', rawStores.once, observe),
    documents: timedStore('documents', rawStores.documents, observe),
    profiles: timedStore('profiles', rawStores.profiles, observe),
    counters: timedStore('counters', rawStores.counters, observe),
  };
  if (stores.kind === 'memory') {
    log.warn('REDIS_URL is not set: using the embedded in-memory store. Data will NOT survive a restart.');
  }
  if (config.privacy.hashSecretGenerated) {
    log.warn('PRIVACY_HASH_SECRET is not set: erased MCIDs are hashed with a random secret, so after a restart the abuse limits no longer recognise an erased MCID.');
  }
  if (config.logHashKey) useUserHashKey(config.logHashKey);
  else if (!isLocalMode(config)) {
    log.warn('LOG_HASH_KEY is not set: each bot process hashes user ids in its logs with its own random key, so one person cannot be followed across processes or restarts.');
  }
  if (config.downloadSigningSecretGenerated) {
    log.warn('DOWNLOAD_SIGNING_SECRET is not set: download links are signed with a random secret and stop working at restart.');
  }

  if (stores.kind !== 'memory' && !stores.notices.durable) {
    log.warn('REDIS_CLUSTER_NODES: proactive notices run in this process only and do not survive a restart (BullMQ on Redis Cluster is not wired yet)');
  }
  // The notice worker re-reads the person's state when a notice comes due (it may have changed).
  let associationsReady: ComposedBot['services']['associations'] | null = null;
  const notices = await startNotices({
    config,
    clock,
    stores: stores.notices,
    transport: createConnectorTransport(config),
    currentAvailability: async (mcid) => {
      if (!associationsReady) throw new Error('the bot is not composed yet');
      return toCurrentAvailability(await associationsReady.status(mcid), config.limits, (mpnId) => orgs.nameOf(mpnId));
    },
    onError: (err) => log.warn({ err: String(err) }, 'notices: background error'),
  });

  metrics.watchNotices(() => ({ ...notices.stats() }));

  const channels = new Set(config.servedChannels);
  const composed = composeBot({
    stores,
    orgs,
    clock,
    log,
    limits: config.limits,
    keyPrefix: config.redisKeyPrefix,
    oauthConnectionName: config.oauthConnectionName,
    downloadSigningSecret: config.downloadSigningSecret,
    publicBaseUrl: config.publicBaseUrl,
    sessionStateTtlSeconds: config.sessionStateTtlDays * 86400 || undefined,
    memberEmail: overrides.memberEmail,
    memberIds: overrides.memberIds,
    notices,
    botAppId: config.microsoftAppId,
    privacy: {
      hashSecret: config.privacy.hashSecret,
      retention: { startRetentionDays: config.privacy.startRetentionDays, auditRetentionDays: config.privacy.auditRetentionDays },
    },
    onTurn: metrics.onTurn,
    rateLimiter: new PersonRateLimiter(stores.counters, config.rateLimits, clock),
    channels,
  });
  associationsReady = composed.services.associations;
  const server = createHttpServer({
    adapter: createCertLinkAdapter(config, log),
    bot: composed.bot,
    health: stores.health,
    log,
    turnErrorMessage: (ctx) => say(pickLocale(ctx.activity.locale), 'unavailable'),
    refuse: refuseUnprovenIdentity(channels),
  });
  registerReportDownload(server, {
    signer: composed.signer,
    roles: composed.roles,
    orgByMpnId: (mpnId) => orgs.byMpnId(mpnId),
    reports: composed.reports,
    audit: stores.audit,
    clock,
    onError: (err, where) => log.error({ err: String(err), where }, 'download failed'),
  });
  registerPersonalDataDownload(server, {
    signer: composed.signer,
    exporter: composed.privacy.exporter,
    documents: stores.documents,
    orgForTenant: (tenantId) => orgs.forTenant(tenantId),
    clock,
    onError: (err) => log.error({ err: String(err) }, 'personal data download failed'),
  });
  // Audit entries past their retention are trimmed at start and then periodically (streams have no per-entry TTL).
  const sweeps = startRetentionSweeps(
    async () => {
      const out = await sweepAuditRetention({ audit: composed.privacy.deps.audit, mpnIds: orgs.all().map((org) => org.mpnId), clock, policy: composed.privacy.deps.policy });
      if (out.auditEntriesTrimmed > 0) log.info(out, 'audit retention sweep');
    },
    config.privacy.sweepIntervalHours * 3_600_000,
    (err) => log.warn({ err: String(err) }, 'audit retention sweep failed; it runs again later'),
  );
  registerTabApi(server, {
    verify: createTabIdentityVerifier({
      appId: config.microsoftAppId,
      domain: new URL(config.publicBaseUrl).host,
      keys: overrides.tabTokenKeys,
      clock,
      log,
    }),
    orgs,
    associations: composed.services.associations,
    profiles: stores.profiles,
    admin: composed.admin,
    noticePrefs: composed.services.notices?.prefs ?? null,
    log,
    clock,
  });
  registerTabPages(server);
  const gate = addDrainGate(server);
  addMetricsRoute(server, metrics);
  const port = await listen(server, config.port);
  log.info({ port, store: stores.kind, orgs: orgs.all().length, profiles: profiles.length }, 'CertLink is listening on /api/messages');

  return {
    ...composed,
    server,
    notices,
    port,
    stores,
    metrics,
    inFlight: () => gate.inFlight.size,
    async close() {
      sweeps.stop();
      gate.startDraining();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = await gate.inFlight.idle(config.shutdownTimeoutSeconds * 1000);
      if (!drained) log.warn({ inFlight: gate.inFlight.size }, 'shutdown timeout: closing with turns still in flight');
      // Keep-alive connections with no request would hold server.close() open.
      server.server.closeIdleConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
      await notices.stop();
      await stores.close();
    },
  };
}
