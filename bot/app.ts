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
import type { JWTVerifyGetKey } from 'jose';
import { AdminServices, wireAdmin } from './adminWiring';
import { registerReportDownload } from './http/reportDownloadRoute';
import { registerTabApi } from './http/tabApi';
import { createTabIdentityVerifier } from './http/tabIdentity';
import { registerTabPages } from './http/tabPages';

export interface AppOverrides {
  clock?: Clock;
  memberEmail?: MemberEmailLookup;
  /** Signing keys for the tabs' SSO tokens (default: Entra ID's JWKS); tests pass a local key set. */
  tabTokenKeys?: JWTVerifyGetKey;
}

export interface RunningApp {
  server: Server;
  port: number;
  stores: Stores;
  bot: CertLinkBot;
  associations: AssociationService;
  admin: AdminServices;
  close(): Promise<void>;
}

export async function startCertLink(config: AppConfig, log: Logger, overrides: AppOverrides = {}): Promise<RunningApp> {
  const clock = overrides.clock ?? systemClock;
  const orgs = new OrgDirectory(loadOrgsFile(config.orgsFile));
  const profiles = loadProfilesFile(config.profilesFile);
  const stores = await createStores({
    redisUrl: config.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    clock,
    profiles,
    onIndexError: () => log.warn('derived index update failed after a save; readers verify against the record'),
  });
  if (stores.kind === 'memory') {
    log.warn('REDIS_URL is not set: using the embedded in-memory store. Data will NOT survive a restart.');
  }

  const adminWiring = wireAdmin({
    stores,
    keyPrefix: config.redisKeyPrefix,
    orgs,
    clock,
    downloadSigningSecret: config.downloadSigningSecret,
    publicBaseUrl: config.publicBaseUrl,
  });
  const associations = new AssociationService({
    store: stores.associations,
    clock,
    limits: config.limits,
    listeners: adminWiring.listeners,
    onListenerError: (err) => log.warn({ err: String(err) }, 'association listener failed'),
  });
  const admin = adminWiring.complete(associations);
  const services: BotServices = {
    associations,
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
  const bot = new CertLinkBot({ services, conversationState, log });
  const adapter = createCloudAdapter(config, log);
  const server = createHttpServer({
    adapter,
    bot,
    health: stores.health,
    log,
    turnErrorMessage: (ctx) => say(pickLocale(ctx.activity.locale), 'unavailable'),
  });
  registerReportDownload(server, {
    signer: admin.signer,
    roles: admin.roles,
    orgByMpnId: (mpnId) => orgs.byMpnId(mpnId),
    reports: admin.reports,
    audit: admin.audit,
    clock,
    onError: (err, where) => log.warn({ err: String(err), where }, 'download failed'),
  });
  registerTabApi(server, {
    verify: createTabIdentityVerifier({
      appId: config.microsoftAppId,
      domain: new URL(config.publicBaseUrl).host,
      keys: overrides.tabTokenKeys,
      clock,
      log,
    }),
    orgs,
    associations,
    profiles: stores.profiles,
    admin: admin.actions,
    log,
  });
  registerTabPages(server);
  const port = await listen(server, config.port);
  log.info({ port, store: stores.kind, orgs: orgs.all().length, profiles: profiles.length }, 'CertLink is listening on /api/messages');

  return {
    server,
    port,
    stores,
    bot,
    associations,
    admin,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
    },
  };
}
