/**
 * Assembles the bot from its stores: services, admin features and the activity
 * handler. The process (bot/app.ts) and the conversation tests both build the
 * bot here, so what is tested is what runs.
 */
import { ConversationState, Storage } from 'botbuilder';
import { AdminActions } from '../services/admin/adminActions';
import { AdminStores, createAdminStores } from '../services/admin/adminStores';
import { AssociationService } from '../services/association/associationService';
import { AssociationLimits } from '../services/association/types';
import { AuditTrailListener } from '../services/audit/auditTrailListener';
import { Clock } from '../services/clock';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { ReportIndexListener } from '../services/report/reportIndexListener';
import { ReportService } from '../services/report/reportService';
import { DownloadLinkSigner } from '../services/report/signedLink';
import { RoleService } from '../services/roles/roleService';
import { Stores } from '../services/storeFactory';
import { UniversityService } from '../services/university/universityService';
import { CertLinkBot, CertLinkBotDeps } from './certLinkBot';
import { adminHandlers, nobodyReachable, PersonNotifier } from './handlers/admin/adminHandlers';
import { BotServices } from './handlers/handlerTypes';
import { Logger } from './logging';
import { StoreBackedStorage } from './state/storeBackedStorage';
import { cachedMemberEmail, MemberEmailLookup, teamsMemberEmail } from './teams/memberEmail';
import { MemberIdLookup, teamsMemberIds } from './teams/mentions';
import { statementCard } from '../cards/cardModels';
import { noticeHandlers } from './handlers/notices/noticeHandlers';
import { Notices } from './proactive/startNotices';
import { TeamRoster, teamsRoster } from './teams/teamRoster';

export interface ComposeOptions {
  stores: Stores;
  orgs: OrgDirectory;
  clock: Clock;
  log: Logger;
  limits: AssociationLimits;
  keyPrefix: string;
  oauthConnectionName: string;
  downloadSigningSecret: string;
  publicBaseUrl: string;
  sessionStateTtlSeconds?: number;
  /** Defaults to the store-backed storage; tests may pass botbuilder's MemoryStorage. */
  storage?: Storage;
  memberEmail?: MemberEmailLookup;
  memberIds?: MemberIdLookup;
  notifier?: PersonNotifier;
  /** Proactive notices (bot/proactive/startNotices.ts); null = none (tests of other features). */
  notices?: Notices | null;
  /** The bot's app id, to open personal chats for admin reminders. */
  botAppId?: string;
  roster?: TeamRoster;
  /** Told once per turn (intent, outcome, duration), for /metrics. */
  onTurn?: CertLinkBotDeps['onTurn'];
  /** Per-person limit on link attempts and admin commands. */
  rateLimiter?: CertLinkBotDeps['rateLimiter'];
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

export interface ComposedBot {
  bot: CertLinkBot;
  services: BotServices;
  conversationState: ConversationState;
  admin: AdminActions;
  adminStores: AdminStores;
  roles: RoleService;
  reports: ReportService;
  signer: DownloadLinkSigner;
}

export function composeBot(o: ComposeOptions): ComposedBot {
  const { stores, clock, log } = o;
  const adminStores = createAdminStores(stores, o.keyPrefix);
  const associations = new AssociationService({
    store: stores.associations,
    clock,
    limits: o.limits,
    // The audit trail and the report's counters follow every link, switch and removal.
    listeners: [new AuditTrailListener(adminStores.audit), new ReportIndexListener(adminStores.reportIndex, stores.profiles)],
    onListenerError: (err) => log.warn({ err: String(err) }, 'association listener failed; derived data can be rebuilt'),
  });
  const roles = new RoleService({ partnerAdmins: adminStores.partnerAdmins, audit: adminStores.audit, clock });
  const reports = new ReportService({
    associations: stores.associations,
    profiles: stores.profiles,
    index: adminStores.reportIndex,
    partnerName: (mpnId) => o.orgs.byMpnId(mpnId)?.name ?? null,
  });
  const signer = new DownloadLinkSigner({ secret: o.downloadSigningSecret, publicBaseUrl: o.publicBaseUrl, clock });
  const admin = new AdminActions({ roles, reports, audit: adminStores.audit, association: associations, associations: stores.associations, profiles: stores.profiles, signer, clock });

  const services: BotServices = {
    associations,
    profiles: stores.profiles,
    orgs: o.orgs,
    university: new UniversityService({ documents: stores.documents, clock }),
    once: stores.once,
    memberEmail: o.memberEmail ?? cachedMemberEmail(teamsMemberEmail),
    clock,
    oauthConnectionName: o.oauthConnectionName,
    notices: o.notices ? { scheduler: o.notices.scheduler, prefs: o.notices.prefs } : null,
  };
  const notifier = o.notifier ?? (o.notices ? noticeNotifier(o.notices, clock) : nobodyReachable);
  const features = [adminHandlers({ admin, memberIds: o.memberIds ?? teamsMemberIds, notifier })];
  if (o.notices) features.push(noticeHandlers({ notices: o.notices, admin, roster: o.roster ?? teamsRoster(o.botAppId ?? '') }));
  const conversationState = new ConversationState(o.storage ?? new StoreBackedStorage(stores.documents, { ttlSeconds: o.sessionStateTtlSeconds }));
  const bot = new CertLinkBot({
    services,
    conversationState,
    log,
    features,
    conversationRefs: o.notices?.refs,
    onTurn: o.onTurn,
    rateLimiter: o.rateLimiter,
  });
  return { bot, services, conversationState, admin, adminStores, roles, reports, signer };
}
