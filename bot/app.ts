/**
 * Composition root: builds the stores, services, bot and HTTP server from the
 * config. `bot/index.ts` runs it as a process; tests and the bench start it in
 * process or as a child with their own settings.
 */
import { ConversationState } from 'botbuilder';
import type { Server } from 'restify';
import { AssociationService } from '../services/association/associationService';
import { Clock, systemClock } from '../services/clock';
import { loadOrgsFile, loadProfilesFile } from '../services/directory/directoryFiles';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { createStores, Stores } from '../services/storeFactory';
import { UniversityService } from '../services/university/universityService';
import { CertLinkBot } from './certLinkBot';
import { AppConfig } from './config';
import { BotServices } from './handlers/handlerTypes';
import { createCloudAdapter } from './http/adapterFactory';
import { createHttpServer, listen } from './http/server';
import { Logger } from './logging';
import { StoreBackedStorage } from './state/storeBackedStorage';
import { MemberEmailLookup, teamsMemberEmail } from './teams/memberEmail';
import { pickLocale } from '../services/i18n/locale';
import { say } from './i18n/say';
import { PersonRateLimiter } from '../services/limits/personRateLimiter';
import { BotMetrics } from './metrics/botMetrics';
import { timedStore } from './metrics/timedStore';
import { addDrainGate, addMetricsRoute } from './http/operationsRoutes';
import { FileClock } from './fileClock';
import { isLocalMode } from './config';

export interface AppOverrides {
  clock?: Clock;
  memberEmail?: MemberEmailLookup;
}

export interface RunningApp {
  server: Server;
  port: number;
  /** The stores as the bot sees them (timed for /metrics). */
  stores: Stores;
  bot: CertLinkBot;
  metrics: BotMetrics;
  /** Requests being handled right now. */
  inFlight(): number;
  /**
   * Stops accepting requests (new ones get 503), waits up to
   * shutdownTimeoutSeconds for the ones in flight, then closes the stores.
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

  const services: BotServices = {
    associations: new AssociationService({
      store: stores.associations,
      clock,
      limits: config.limits,
      onListenerError: (err) => log.warn({ err: String(err) }, 'association listener failed'),
    }),
    profiles: stores.profiles,
    orgs,
    university: new UniversityService({ documents: stores.documents, clock }),
    once: stores.once,
    memberEmail: overrides.memberEmail ?? teamsMemberEmail,
    clock,
    oauthConnectionName: config.oauthConnectionName,
  };
  const storage = new StoreBackedStorage(stores.documents, { ttlSeconds: config.sessionStateTtlDays * 86400 || undefined });
  const conversationState = new ConversationState(storage);
  const bot = new CertLinkBot({
    services,
    conversationState,
    log,
    onTurn: metrics.onTurn,
    rateLimiter: new PersonRateLimiter(stores.counters, config.rateLimits, clock),
  });
  const adapter = createCloudAdapter(config, log);
  const server = createHttpServer({
    adapter,
    bot,
    health: stores.health,
    log,
    turnErrorMessage: (ctx) => say(pickLocale(ctx.activity.locale), 'unavailable'),
  });
  const gate = addDrainGate(server);
  addMetricsRoute(server, metrics);
  const port = await listen(server, config.port);
  log.info({ port, store: stores.kind, orgs: orgs.all().length, profiles: profiles.length }, 'CertLink is listening on /api/messages');

  return {
    server,
    port,
    stores,
    bot,
    metrics,
    inFlight: () => gate.inFlight.size,
    async close() {
      gate.startDraining();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = await gate.inFlight.idle(config.shutdownTimeoutSeconds * 1000);
      if (!drained) log.warn({ inFlight: gate.inFlight.size }, 'shutdown timeout: closing with turns still in flight');
      // Keep-alive connections with no request would hold server.close() open.
      server.server.closeIdleConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
      await stores.close();
    },
  };
}
