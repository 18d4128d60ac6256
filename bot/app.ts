/**
 * The composition root: CertLink assembled in stated stages, each from what the stages before
 * it made. `bot/index.ts` runs startCertLink; the conversation tests build the same bot with
 * composeCertLink and their own stand-ins (AppOverrides), so what is tested is what runs.
 *
 *   1. time, metrics and the directory (orgs, profiles) from the config
 *   2. the backend: every store, chosen once (services/storeFactory.ts)
 *   3. the domain services over the stores
 *   4. the runtime (bot/runtime/botbuilder/) and the notices on its proactive transport
 *   5. the features and the turn pipeline, served by the runtime
 *   6. the HTTP server and its routes (startCertLink only)
 */
import type { JWTVerifyGetKey } from 'jose';
import type { Server } from 'restify';
import { statementCard } from '../cards/cardModels';
import { AdminActions } from '../services/admin/adminActions';
import { AssociationService } from '../services/association/associationService';
import { AuditTrailListener } from '../services/audit/auditTrailListener';
import { Clock, systemClock } from '../services/clock';
import { loadOrgsFile, loadProfilesFile } from '../services/directory/directoryFiles';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { pickLocale } from '../services/i18n/locale';
import { DocumentStore } from '../services/kv/documentStore';
import { PersonRateLimiter } from '../services/limits/personRateLimiter';
import { toCurrentAvailability } from '../services/notices/currentAvailability';
import { NoticeTransport } from '../services/notices/types';
import { ErasureService } from '../services/privacy/erasureService';
import { PersonalDataExporter } from '../services/privacy/personalDataExport';
import { isPersonNotices } from '../services/privacy/personNotices';
import { PrivacyDeps } from '../services/privacy/privacyDeps';
import { privacyStores } from '../services/privacy/privacyStores';
import { PseudonymizedStarts } from '../services/privacy/pseudonymizedStarts';
import { Pseudonymizer } from '../services/privacy/pseudonymizer';
import { RemovalRetentionListener } from '../services/privacy/removalRetentionListener';
import { sweepAuditRetention, startRetentionSweeps } from '../services/privacy/retentionSweep';
import { ReportIndexListener } from '../services/report/reportIndexListener';
import { ReportService } from '../services/report/reportService';
import { DownloadLinkSigner } from '../services/report/signedLink';
import { RoleService } from '../services/roles/roleService';
import { createStores, Stores } from '../services/storeFactory';
import { UniversityService } from '../services/university/universityService';
import { AppConfig, isLocalMode } from './config';
import { adminFeature, PersonNotifier } from './features/admin';
import { employeeFeature } from './features/employee';
import { EmployeeDeps } from './features/employee/employeeDeps';
import { personalNudgeCard, welcomeCardFor } from './features/employee/helpHandler';
import { previewAfterSignIn } from './features/employee/linkHandler';
import { noticesFeature } from './features/notices';
import { privacyFeature } from './features/privacy';
import { FileClock } from './fileClock';
import { addDrainGate, addMetricsRoute } from './http/operationsRoutes';
import { registerPersonalDataDownload } from './http/personalDataRoute';
import { registerReportDownload } from './http/reportDownloadRoute';
import { createHttpServer, listen } from './http/server';
import { registerTabApi } from './http/tabApi';
import { createTabIdentityVerifier } from './http/tabIdentity';
import { registerTabPages } from './http/tabPages';
import { say } from './i18n/say';
import { Logger, useUserHashKey } from './logging';
import { BotMetrics } from './metrics/botMetrics';
import { timedStore } from './metrics/timedStore';
import { personalNudge } from './proactive/personalNudge';
import { Notices, startNotices } from './proactive/startNotices';
import { createRuntime } from './runtime/createRuntime';
import type { ActivityEndpoint, BotRuntime } from './runtime/turn';
import { cachedMemberEmail, MemberEmailLookup, teamsMemberEmail } from './teams/memberEmail';
import { MemberIdLookup, teamsMemberIds } from './teams/mentions';
import { MemberNameLookup, teamsMemberNames } from './teams/memberNames';
import { TeamRoster, teamsRoster } from './teams/teamRoster';
import { ConversationMemory } from './turn/conversationRefs';
import { TurnPipeline } from './turn/pipeline';
import { refuseUnprovenIdentity } from './turn/teamsIdentity';

/** Stand-ins for tests and the bench; the process uses none. */
export interface AppOverrides {
  clock?: Clock;
  /** The stores (default: createStores from the config, timed for /metrics). */
  stores?: Stores;
  runtime?: BotRuntime;
  /** Where conversation state is kept (default: the stores' documents). */
  sessionDocuments?: DocumentStore;
  memberEmail?: MemberEmailLookup;
  memberIds?: MemberIdLookup;
  memberNames?: MemberNameLookup;
  notifier?: PersonNotifier;
  roster?: TeamRoster;
  /** Where notices go (default: the runtime's proactive transport). */
  noticeTransport?: NoticeTransport;
  /** Overrides config.notices.runWorkers. */
  runNoticeWorkers?: boolean;
  /** Signing keys for the tabs' SSO tokens (default: Entra ID's JWKS); tests pass a local key set. */
  tabTokenKeys?: JWTVerifyGetKey;
}

export interface DomainServices {
  associations: AssociationService;
  profiles: Stores['profiles'];
  orgs: OrgDirectory;
  university: UniversityService;
  roles: RoleService;
  reports: ReportService;
  signer: DownloadLinkSigner;
  admin: AdminActions;
  privacy: { deps: PrivacyDeps; exporter: PersonalDataExporter; erasure: ErasureService };
  notices: Notices;
}

export interface ComposedCertLink {
  clock: Clock;
  metrics: BotMetrics;
  /** The stores as the bot sees them (timed for /metrics). */
  stores: Stores;
  services: DomainServices;
  notices: Notices;
  pipeline: TurnPipeline;
  /** What POST /api/messages hands each checked activity to. */
  endpoint: ActivityEndpoint;
  /** Profiles in PROFILES_FILE. */
  profilesInFile: number;
}

export interface RunningApp extends ComposedCertLink {
  server: Server;
  port: number;
  /** Requests being handled right now. */
  inFlight(): number;
  /**
   * Stops accepting requests (new ones get 503), waits up to shutdownTimeoutSeconds for the
   * ones in flight, stops the notice workers, then closes the stores.
   */
  close(): Promise<void>;
}

export async function composeCertLink(config: AppConfig, log: Logger, overrides: AppOverrides = {}): Promise<ComposedCertLink> {
  // 1. Time, metrics and the directory.
  const clock = pickClock(config, overrides, log);
  const metrics = new BotMetrics();
  const orgs = new OrgDirectory(loadOrgsFile(config.orgsFile));
  const profileFile = loadProfilesFile(config.profilesFile);

  // 2. The backend.
  const stores = overrides.stores ?? timed(await createStores({
    redisUrl: config.redisUrl,
    redisClusterNodes: config.redisClusterNodes,
    keyPrefix: config.redisKeyPrefix,
    clock,
    profiles: profileFile,
    auditRetentionDays: config.privacy.auditRetentionDays,
    onIndexError: () => log.warn('derived index update failed after a save; readers verify against the record'),
  }), metrics);
  warnAtStart(config, stores, log);

  // 3. The domain.
  const policy = { startRetentionDays: config.privacy.startRetentionDays, auditRetentionDays: config.privacy.auditRetentionDays };
  const privacyViews = privacyStores(stores);
  const pseudonymizer = new Pseudonymizer(config.privacy.hashSecret);
  const erasedStarts = new PseudonymizedStarts({ store: privacyViews.erasedStarts, pseudonymizer, policy, clock });
  const associations = new AssociationService({
    store: stores.associations,
    clock,
    limits: config.limits,
    erasedStarts,
    // The audit trail and the report's counters follow every link, switch and removal;
    // an admin's removal schedules the profile's erasure (cancelled if the person links again).
    listeners: [
      new AuditTrailListener(stores.audit),
      new ReportIndexListener(stores.reportIndex, stores.profiles),
      new RemovalRetentionListener({ profiles: privacyViews.profiles, records: privacyViews.records, policy }),
    ],
    onListenerError: (err) => log.warn({ err: String(err) }, 'association listener failed; derived data can be rebuilt'),
  });
  const roles = new RoleService({ partnerAdmins: stores.partnerAdmins, audit: stores.audit, clock });
  const reports = new ReportService({ associations: stores.associations, profiles: stores.profiles, index: stores.reportIndex, partnerName: (mpnId) => orgs.byMpnId(mpnId)?.name ?? null });
  const signer = new DownloadLinkSigner({ secret: config.downloadSigningSecret, publicBaseUrl: config.publicBaseUrl, clock });
  const admin = new AdminActions({ roles, reports, audit: stores.audit, association: associations, associations: stores.associations, profiles: stores.profiles, signer, clock });
  const university = new UniversityService({ documents: stores.documents, clock });

  // 4. The runtime, and the notices on its proactive transport. The worker re-reads the person's
  // state when a notice comes due (it may have changed).
  const runtime = overrides.runtime ?? createRuntime(config, log);
  const notices = await startNotices({
    config,
    clock,
    stores: stores.notices,
    transport: overrides.noticeTransport ?? runtime.proactive,
    runWorkers: overrides.runNoticeWorkers,
    currentAvailability: async (mcid) => toCurrentAvailability(await associations.status(mcid), config.limits, (mpnId) => orgs.nameOf(mpnId)),
    onError: (err) => log.warn({ err: String(err) }, 'notices: background error'),
  });
  metrics.watchNotices(() => ({ ...notices.stats() }));
  const privacyDeps: PrivacyDeps = {
    associations,
    records: privacyViews.records,
    profiles: privacyViews.profiles,
    audit: privacyViews.audit,
    reportIndex: stores.reportIndex,
    university,
    refs: notices.refs,
    prefs: notices.prefs,
    notices: isPersonNotices(notices.scheduler) ? notices.scheduler : null,
    erasedStarts,
    pseudonymizer,
    orgs,
    documents: stores.documents,
    clock,
    policy,
  };
  const privacy = { deps: privacyDeps, exporter: new PersonalDataExporter(privacyDeps), erasure: new ErasureService(privacyDeps) };

  // 5. The features, each built the same way from what it needs, and the turn pipeline.
  // In-process memories of people, both forgotten when a person erases their data.
  const emailCache = cachedMemberEmail(teamsMemberEmail);
  const memory = new ConversationMemory(notices.refs);
  const employee: EmployeeDeps = { associations, orgs, university, clock, signIn: config.oauthConnectionName !== '', notices };
  const features = [
    employeeFeature(employee),
    privacyFeature({
      ...privacy,
      signer,
      documents: stores.documents,
      policy,
      sessionStateDays: config.sessionStateTtlDays,
      limits: config.limits,
      orgs,
      clock,
      forgetPerson(tenantId, teamsUserId, userId) {
        emailCache.forget(tenantId, teamsUserId);
        memory.recent.forgetPerson(tenantId, userId);
      },
    }),
    adminFeature({
      admin,
      profiles: stores.profiles,
      memberIds: overrides.memberIds ?? teamsMemberIds,
      memberNames: overrides.memberNames ?? teamsMemberNames,
      notifier: overrides.notifier ?? noticeNotifier(notices, clock),
    }),
    noticesFeature({ notices, admin, associations, roster: overrides.roster ?? teamsRoster() }),
  ];
  const channels = new Set(config.servedChannels);
  const pipeline = new TurnPipeline({
    features,
    orgs,
    once: stores.once,
    clock,
    log,
    reads: { associations, profiles: stores.profiles, memberEmail: overrides.memberEmail ?? emailCache },
    profiles: stores.profiles,
    signIn: employee.signIn,
    memory,
    welcomeCard: welcomeCardFor,
    preview: (hc, profile) => previewAfterSignIn(hc, employee, profile),
    personalNudge: personalNudge(notices, clock, personalNudgeCard, (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'personal-chat nudge not delivered')),
    rateLimiter: new PersonRateLimiter(stores.counters, config.rateLimits, clock),
    onTurn: metrics.onTurn,
    channels,
  });
  const endpoint = runtime.serve(pipeline, {
    session: { documents: overrides.sessionDocuments ?? stores.documents, ttlSeconds: config.sessionStateTtlDays * 86400 || undefined },
    oauthConnectionName: config.oauthConnectionName,
    refuse: refuseUnprovenIdentity(channels),
    turnErrorMessage: (activity) => say(pickLocale(activity.locale), 'unavailable'),
  });
  const services = { associations, profiles: stores.profiles, orgs, university, roles, reports, signer, admin, privacy, notices };
  return { clock, metrics, stores, services, notices, pipeline, endpoint, profilesInFile: profileFile.length };
}

export async function startCertLink(config: AppConfig, log: Logger, overrides: AppOverrides = {}): Promise<RunningApp> {
  const app = await composeCertLink(config, log, overrides);
  const { clock, stores, services, notices, metrics } = app;
  const { orgs } = services;

  // 6. The HTTP server and its routes.
  const server = createHttpServer({ endpoint: app.endpoint, health: stores.health, log });
  registerReportDownload(server, {
    signer: services.signer,
    roles: services.roles,
    orgByMpnId: (mpnId) => orgs.byMpnId(mpnId),
    reports: services.reports,
    audit: stores.audit,
    clock,
    onError: (err, where) => log.error({ err: String(err), where }, 'download failed'),
  });
  registerPersonalDataDownload(server, {
    signer: services.signer,
    exporter: services.privacy.exporter,
    documents: stores.documents,
    orgForTenant: (tenantId) => orgs.forTenant(tenantId),
    clock,
    onError: (err) => log.error({ err: String(err) }, 'personal data download failed'),
  });
  registerTabApi(server, {
    verify: createTabIdentityVerifier({ appId: config.microsoftAppId, domain: new URL(config.publicBaseUrl).host, keys: overrides.tabTokenKeys, clock, log }),
    orgs,
    associations: services.associations,
    profiles: stores.profiles,
    admin: services.admin,
    noticePrefs: notices.prefs,
    log,
    clock,
  });
  registerTabPages(server);
  const gate = addDrainGate(server);
  addMetricsRoute(server, metrics);
  // Audit entries past their retention are trimmed at start and then periodically (streams have no per-entry TTL).
  const sweeps = startRetentionSweeps(
    async () => {
      const out = await sweepAuditRetention({ audit: services.privacy.deps.audit, mpnIds: orgs.all().map((org) => org.mpnId), clock, policy: services.privacy.deps.policy });
      if (out.auditEntriesTrimmed > 0) log.info(out, 'audit retention sweep');
    },
    config.privacy.sweepIntervalHours * 3_600_000,
    (err) => log.warn({ err: String(err) }, 'audit retention sweep failed; it runs again later'),
  );
  const port = await listen(server, config.port);
  log.info({ port, store: stores.kind, orgs: orgs.all().length, profiles: app.profilesInFile }, 'CertLink is listening on /api/messages');

  return {
    ...app,
    server,
    port,
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

function pickClock(config: AppConfig, overrides: AppOverrides, log: Logger): Clock {
  if (overrides.clock) return overrides.clock;
  if (config.fakeClockFile && isLocalMode(config)) {
    log.warn({ file: config.fakeClockFile }, 'CERTLINK_FAKE_CLOCK_FILE is set: the bot reads the time from a file (test runs only)');
    return new FileClock(config.fakeClockFile);
  }
  return systemClock;
}

/** Every store call is timed and its failures counted for /metrics. */
function timed(stores: Stores, metrics: BotMetrics): Stores {
  const observe = metrics.onStoreCall;
  return {
    ...stores,
    associations: timedStore('associations', stores.associations, observe),
    once: timedStore('once', stores.once, observe),
    documents: timedStore('documents', stores.documents, observe),
    profiles: timedStore('profiles', stores.profiles, observe),
    counters: timedStore('counters', stores.counters, observe),
  };
}

function warnAtStart(config: AppConfig, stores: Stores, log: Logger): void {
  if (stores.kind === 'memory') log.warn('REDIS_URL is not set: using the embedded in-memory store. Data will NOT survive a restart.');
  if (stores.kind !== 'memory' && !stores.notices.durable) {
    log.warn('REDIS_CLUSTER_NODES: proactive notices run in this process only and do not survive a restart (BullMQ on Redis Cluster is not wired yet)');
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
}

/** Tells a removed person in their own chat, through the notices' paced, once-only delivery. */
export function noticeNotifier(notices: Notices, clock: Clock): PersonNotifier {
  return {
    async notify(tenantId, userId, text) {
      const outcome = await notices.delivery.deliver({
        key: `removedByAdmin:${tenantId}:${userId}:${clock.now().toISOString()}`,
        tenantId,
        userId,
        card: (ref) => statementCard({ title: '', lines: [text(ref.locale)] }),
      });
      return outcome === 'sent';
    },
  };
}
