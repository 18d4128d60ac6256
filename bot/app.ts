/**
 * The composition root: CertLink assembled in stated stages, each from what the stages before
 * it made. `bot/index.ts` runs startCertLink; the conversation tests build the same bot with
 * composeCertLink and their own stand-ins (AppOverrides), so what is tested is what runs.
 *
 *   1. time, metrics and the directory (orgs, profiles) from the config
 *   2. the backend: every store, chosen once (services/storeFactory.ts)
 *   3. the domain services over the stores (bot/composeDomain.ts)
 *   4. the runtime (bot/runtime/botbuilder/) and the notices on its proactive transport
 *   5. the features and the turn pipeline, served by the runtime
 *   6. the HTTP server and its routes (startCertLink only)
 */
import type { JWTVerifyGetKey } from 'jose';
import type { Server } from 'restify';
import { Clock } from '../services/clock';
import { loadOrgsFile, loadProfilesFile } from '../services/directory/directoryFiles';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { pickLocale } from '../services/i18n/locale';
import { DocumentStore } from '../services/kv/documentStore';
import { PersonRateLimiter } from '../services/limits/personRateLimiter';
import { toCurrentAvailability } from '../services/notices/currentAvailability';
import { NoticeTransport } from '../services/notices/types';
import { createStores, Stores } from '../services/storeFactory';
import { AppConfig } from './config';
import { composeDomain, composePrivacy, Domain, PrivacyServices } from './composeDomain';
import { clockFor } from './fileClock';
import { warnAtStart } from './startupWarnings';
import { adminFeature } from './features/admin';
import { DownloadSender, personalChatDownloads } from './features/admin/downloadDelivery';
import { employeeFeature } from './features/employee';
import { EmployeeDeps } from './features/employee/employeeDeps';
import { personalNudgeCard, welcomeCardFor } from './features/employee/helpHandler';
import { previewAfterSignIn } from './features/employee/linkHandler';
import { universitySignedIn } from './features/employee/universityHandler';
import { noticesFeature } from './features/notices';
import { renewalsFeature } from './features/renewals';
import { expiringNames } from './features/admin/expiringNames';
import { renewalHandlers, renewalSources } from './proactive/renewalNotices';
import { privacyFeature } from './features/privacy';
import { MetricsListener, startMetricsListener } from './http/metricsListener';
import { registerRoutes } from './http/routes';
import { createHttpServer, listen } from './http/server';
import { say } from '../services/i18n/say';
import { Logger } from './logging';
import { BotMetrics } from './metrics/botMetrics';
import { timedStores } from './metrics/timedStore';
import { personalNudge } from './proactive/personalNudge';
import { noticeNotifier, PersonNotifier } from './proactive/personNotifier';
import { Notices, startNotices } from './proactive/startNotices';
import { createRuntime } from './runtime/createRuntime';
import type { ActivityEndpoint, BotRuntime } from './runtime/turn';
import { cachedMembers, fromEmailLookup, MemberEmailLookup, MemberLookup, teamsMembers } from './teams/memberEmail';
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
  /** Who Teams says people are (default: the member API, cached); `memberEmail` gives just an email, taken as the UPN of a member. */
  members?: MemberLookup;
  memberEmail?: MemberEmailLookup;
  memberIds?: MemberIdLookup;
  memberNames?: MemberNameLookup;
  /** Tells a person in their personal chat (an admin's removal, their MCID moving away); default: the notices' delivery. */
  notifier?: PersonNotifier;
  /** Where downloads asked for in a shared conversation go (default: the admin's personal chat, through the notices' delivery). */
  downloads?: DownloadSender;
  roster?: TeamRoster;
  /** Where notices go (default: the runtime's proactive transport). */
  noticeTransport?: NoticeTransport;
  /** Overrides config.notices.runWorkers. */
  runNoticeWorkers?: boolean;
  /** Signing keys for the tabs' SSO tokens (default: Entra ID's JWKS); tests pass a local key set. */
  tabTokenKeys?: JWTVerifyGetKey;
}

export interface DomainServices extends Pick<Domain, 'associations' | 'university' | 'universityAssessments' | 'roles' | 'reports' | 'signer' | 'admin'> {
  profiles: Stores['profiles'];
  orgs: OrgDirectory;
  privacy: PrivacyServices;
  notices: Notices;
}

export interface ComposedCertLink {
  clock: Clock;
  metrics: BotMetrics;
  /** The stores as the bot sees them (timed for /metrics). */
  stores: Stores;
  services: DomainServices;
  pipeline: TurnPipeline;
  /** What POST /api/messages hands each checked activity to. */
  endpoint: ActivityEndpoint;
  /** Profiles in PROFILES_FILE. */
  profilesInFile: number;
}

export interface RunningApp extends ComposedCertLink {
  server: Server;
  port: number;
  /** The port of GET /metrics (config.metrics.host), or null when that port was taken (a warning says so). */
  metricsPort: number | null;
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
  const clock = overrides.clock ?? clockFor(config, log);
  const metrics = new BotMetrics();
  const orgs = new OrgDirectory(loadOrgsFile(config.orgsFile));
  const profileFile = loadProfilesFile(config.profilesFile);

  // 2. The backend.
  const stores =
    overrides.stores ??
    timedStores(
      await createStores({
        redisUrl: config.redisUrl,
        redisClusterNodes: config.redisClusterNodes,
        keyPrefix: config.redisKeyPrefix,
        clock,
        profiles: profileFile,
        auditRetentionDays: config.privacy.auditRetentionDays,
        onIndexError: () => log.warn('derived index update failed after a save; readers verify against the record'),
      }),
      metrics.onStoreCall,
    );
  warnAtStart(config, stores, log);

  // 3. The domain.
  const domain = composeDomain(config, log, clock, stores, orgs);
  const { associations, university, universityAssessments, roles, reports, signer, admin, policy, renewalListener, movedAway } = domain;

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
    onCarriedOver: (count) => log.info({ count }, 'notices carried over from the queue keys of an earlier release'),
    renewals: renewalHandlers(renewalSources({ settings: config.renewals, clock, associations, profiles: stores.profiles, roles, reports, orgs })),
  });
  renewalListener.scheduleThrough(notices.scheduler);
  metrics.watchNotices(() => ({ ...notices.stats() }));
  movedAway.deliverThrough(overrides.notifier ?? noticeNotifier(notices, clock, 'movedAway'));
  const privacy = composePrivacy(domain, notices, stores, orgs, clock);

  // 5. The features, each built the same way from what it needs, and the turn pipeline.
  // In-process memories of people, both forgotten when a person erases their data.
  const memberCache = cachedMembers(teamsMembers);
  const memory = new ConversationMemory(notices.refs);
  const employee: EmployeeDeps = { associations, orgs, university, universityAssessments, clock, signIn: config.oauthConnectionName !== '', universitySignIn: config.universityOauthConnectionName !== '', notices };
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
        memberCache.forget(tenantId, teamsUserId);
        memory.recent.forgetPerson(tenantId, userId);
      },
    }),
    adminFeature({
      admin,
      profiles: stores.profiles,
      memberIds: overrides.memberIds ?? teamsMemberIds,
      memberNames: overrides.memberNames ?? teamsMemberNames,
      notifier: overrides.notifier ?? noticeNotifier(notices, clock, 'removedByAdmin'),
      downloads: overrides.downloads ?? personalChatDownloads(notices, admin, (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'downloads not delivered to the personal chat')),
      expiring: expiringNames(reports, notices, (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'expiring names not delivered to the personal chat')),
    }),
    renewalsFeature({ notices, admin, settings: config.renewals, clock }),
    noticesFeature({ notices, admin, associations, roster: overrides.roster ?? teamsRoster() }),
  ];
  const channels = new Set(config.servedChannels);
  const pipeline = new TurnPipeline({
    features,
    orgs,
    once: stores.once,
    clock,
    log,
    reads: { associations, profiles: stores.profiles, orgs, members: overrides.members ?? (overrides.memberEmail ? fromEmailLookup(overrides.memberEmail) : memberCache) },
    profiles: stores.profiles,
    // Either sign-in may be in progress: a message may be its magic code.
    signIn: employee.signIn || employee.universitySignIn,
    memory,
    welcomeCard: welcomeCardFor,
    preview: (hc, profile) => previewAfterSignIn(hc, employee, profile),
    universityLinked: (hc, account) => universitySignedIn(hc, employee, account),
    personalNudge: personalNudge(notices, clock, personalNudgeCard, (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'personal-chat nudge not delivered')),
    rateLimiter: new PersonRateLimiter(stores.counters, config.rateLimits, clock),
    onTurn: metrics.onTurn,
    channels,
  });
  const endpoint = runtime.serve(pipeline, {
    session: { documents: overrides.sessionDocuments ?? stores.documents, ttlSeconds: config.sessionStateTtlDays * 86400 || undefined },
    oauthConnectionName: config.oauthConnectionName,
    universityOauthConnectionName: config.universityOauthConnectionName,
    refuse: refuseUnprovenIdentity(channels),
    turnErrorMessage: (activity) => say(pickLocale(activity.locale), 'unavailable'),
  });
  const services = { associations, profiles: stores.profiles, orgs, university, universityAssessments, roles, reports, signer, admin, privacy, notices };
  return { clock, metrics, stores, services, pipeline, endpoint, profilesInFile: profileFile.length };
}

export async function startCertLink(config: AppConfig, log: Logger, overrides: AppOverrides = {}): Promise<RunningApp> {
  const app = await composeCertLink(config, log, overrides);
  const { clock, stores, services } = app;

  // 6. The HTTP server and its routes.
  const server = createHttpServer({ endpoint: app.endpoint, health: stores.health, log });
  const routes = registerRoutes(server, { config, log, clock, stores, services, tabTokenKeys: overrides.tabTokenKeys });
  const metricsListener = await startMetrics(app, config, log);
  const port = await listen(server, config.port);
  log.info({ port, store: stores.kind, orgs: services.orgs.all().length, profiles: app.profilesInFile }, 'CertLink is listening on /api/messages');

  return {
    ...app,
    server,
    port,
    metricsPort: metricsListener?.port ?? null,
    inFlight: () => routes.gate.inFlight.size,
    async close() {
      routes.sweeps.stop();
      routes.gate.startDraining();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = await routes.gate.inFlight.idle(config.shutdownTimeoutSeconds * 1000);
      if (!drained) log.warn({ inFlight: routes.gate.inFlight.size }, 'shutdown timeout: closing with turns still in flight');
      // Keep-alive connections with no request would hold server.close() open.
      server.server.closeIdleConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
      await metricsListener?.close();
      await services.notices.stop();
      await stores.close();
    },
  };
}

/**
 * GET /metrics on its own listener (bot/http/metricsListener.ts). A default port already taken (a
 * second bot on the same host) costs the metrics, with a warning, not the bot; a port the operator
 * chose must be free.
 */
async function startMetrics(app: ComposedCertLink, config: AppConfig, log: Logger): Promise<MetricsListener | null> {
  const { host, port, portExplicit, token } = config.metrics;
  try {
    const listener = await startMetricsListener(app.metrics, { host, port, token });
    log.info({ host, port: listener.port }, 'metrics on GET /metrics');
    return listener;
  } catch (err) {
    if (portExplicit || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    log.warn({ host, port }, 'metrics not served: the port is taken (another process on this host?); set METRICS_PORT to a free port');
    return null;
  }
}
