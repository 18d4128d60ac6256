/**
 * Assembles the bot from its stores: services, admin features and the activity
 * handler. The process (bot/app.ts) and the conversation tests both build the
 * bot here, so what is tested is what runs.
 */
import { ConversationState, Storage } from 'botbuilder';
import { AdminActions } from '../services/admin/adminActions';
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
import { MemberNameLookup, teamsMemberNames } from './teams/memberNames';
import { statementCard } from '../cards/cardModels';
import { RecentlySaved } from './teams/conversationRefs';
import { noticeHandlers } from './handlers/notices/noticeHandlers';
import { Notices } from './proactive/startNotices';
import { personalNudge } from './proactive/personalNudge';
import { personalNudgeCard } from './handlers/employee/helpHandler';
import { TeamRoster, teamsRoster } from './teams/teamRoster';
import { randomBytes } from 'node:crypto';
import { ErasureService } from '../services/privacy/erasureService';
import { PersonalDataExporter } from '../services/privacy/personalDataExport';
import { isPersonNotices } from '../services/privacy/personNotices';
import { PrivacyDeps } from '../services/privacy/privacyDeps';
import { privacyStores as privacyViews } from '../services/privacy/privacyStores';
import { PseudonymizedStarts } from '../services/privacy/pseudonymizedStarts';
import { Pseudonymizer } from '../services/privacy/pseudonymizer';
import { RemovalRetentionListener } from '../services/privacy/removalRetentionListener';
import { defaultRetention, RetentionPolicy } from '../services/privacy/retention';
import { privacyHandlers } from './handlers/privacy/privacyHandlers';

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
  memberNames?: MemberNameLookup;
  notifier?: PersonNotifier;
  /** Proactive notices (bot/proactive/startNotices.ts); null = none (tests of other features). */
  notices?: Notices | null;
  /** The bot's app id, to open personal chats for admin reminders. */
  botAppId?: string;
  roster?: TeamRoster;
  /** Erasure pseudonyms and retention (config.privacy); default: a random secret and the default retention (tests). */
  privacy?: { hashSecret: string; retention: RetentionPolicy };
  /** Told once per turn (intent, outcome, duration), for /metrics. */
  onTurn?: CertLinkBotDeps['onTurn'];
  /** Per-person limit on link attempts and admin commands. */
  rateLimiter?: CertLinkBotDeps['rateLimiter'];
  /** Channels served (config.servedChannels; default Teams only). */
  channels?: CertLinkBotDeps['channels'];
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
  roles: RoleService;
  reports: ReportService;
  signer: DownloadLinkSigner;
  privacy: { deps: PrivacyDeps; exporter: PersonalDataExporter; erasure: ErasureService };
}

export function composeBot(o: ComposeOptions): ComposedBot {
  const { stores, clock, log } = o;
  const policy = o.privacy?.retention ?? defaultRetention(o.limits);
  const adminStores = { audit: stores.audit, reportIndex: stores.reportIndex, partnerAdmins: stores.partnerAdmins };
  const privacyStores = privacyViews(stores);
  const pseudonymizer = new Pseudonymizer(o.privacy?.hashSecret ?? randomBytes(32).toString('base64url'));
  const erasedStarts = new PseudonymizedStarts({ store: privacyStores.erasedStarts, pseudonymizer, policy, clock });
  const associations = new AssociationService({
    store: stores.associations,
    clock,
    limits: o.limits,
    erasedStarts,
    // The audit trail and the report's counters follow every link, switch and removal;
    // an admin's removal schedules the profile's erasure (cancelled if the person links again).
    listeners: [
      new AuditTrailListener(adminStores.audit),
      new ReportIndexListener(adminStores.reportIndex, stores.profiles),
      new RemovalRetentionListener({ profiles: privacyStores.profiles, records: privacyStores.records, policy }),
    ],
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

  const university = new UniversityService({ documents: stores.documents, clock });
  // In-process memories of people, both forgotten when a person erases their data.
  const emailCache = cachedMemberEmail(teamsMemberEmail);
  const savedRefs = new RecentlySaved();
  const services: BotServices = {
    associations,
    profiles: stores.profiles,
    orgs: o.orgs,
    university,
    once: stores.once,
    memberEmail: o.memberEmail ?? emailCache,
    clock,
    oauthConnectionName: o.oauthConnectionName,
    notices: o.notices ? { scheduler: o.notices.scheduler, prefs: o.notices.prefs } : null,
    caches: {
      forgetPerson(tenantId, teamsUserId, userId) {
        emailCache.forget(tenantId, teamsUserId);
        savedRefs.forgetPerson(tenantId, userId);
      },
    },
  };
  const notifier = o.notifier ?? (o.notices ? noticeNotifier(o.notices, clock) : nobodyReachable);
  const conversationState = new ConversationState(o.storage ?? new StoreBackedStorage(stores.documents, { ttlSeconds: o.sessionStateTtlSeconds }));
  const privacyDeps: PrivacyDeps = {
    associations,
    records: privacyStores.records,
    profiles: privacyStores.profiles,
    audit: privacyStores.audit,
    reportIndex: adminStores.reportIndex,
    university,
    refs: o.notices?.refs ?? null,
    prefs: o.notices?.prefs ?? null,
    notices: o.notices && isPersonNotices(o.notices.scheduler) ? o.notices.scheduler : null,
    erasedStarts,
    pseudonymizer,
    orgs: o.orgs,
    documents: stores.documents,
    clock,
    policy,
  };
  const exporter = new PersonalDataExporter(privacyDeps);
  const erasure = new ErasureService(privacyDeps);
  const features = [
    privacyHandlers({
      exporter,
      erasure,
      signer,
      documents: stores.documents,
      conversationState,
      policy,
      sessionStateDays: Math.round((o.sessionStateTtlSeconds ?? 0) / 86400),
    }),
    adminHandlers({ admin, memberIds: o.memberIds ?? teamsMemberIds, memberNames: o.memberNames ?? teamsMemberNames, notifier }),
  ];
  if (o.notices) features.push(noticeHandlers({ notices: o.notices, admin, roster: o.roster ?? teamsRoster(o.botAppId ?? '') }));
  const bot = new CertLinkBot({
    services,
    conversationState,
    log,
    features,
    conversationRefs: o.notices?.refs,
    savedRefs,
    onTurn: o.onTurn,
    rateLimiter: o.rateLimiter,
    channels: o.channels,
    personalNudge: o.notices
      ? personalNudge(o.notices, clock, personalNudgeCard, (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'personal-chat nudge not delivered'))
      : undefined,
  });
  return { bot, services, conversationState, admin, roles, reports, signer, privacy: { deps: privacyDeps, exporter, erasure } };
}
