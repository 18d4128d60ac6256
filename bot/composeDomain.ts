/**
 * Stage 3 of the composition (bot/app.ts): the domain services over the stores, and the privacy
 * services once the notices they erase from exist (stage 4).
 */
import { AdminActions } from '../services/admin/adminActions';
import { AssociationService } from '../services/association/associationService';
import { AuditTrailListener } from '../services/audit/auditTrailListener';
import { Clock } from '../services/clock';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { ErasureService } from '../services/privacy/erasureService';
import { PersonalDataExporter } from '../services/privacy/personalDataExport';
import { isPersonNotices } from '../services/privacy/personNotices';
import { PrivacyDeps } from '../services/privacy/privacyDeps';
import { privacyStores } from '../services/privacy/privacyStores';
import { PseudonymizedStarts } from '../services/privacy/pseudonymizedStarts';
import { Pseudonymizer } from '../services/privacy/pseudonymizer';
import { RemovalRetentionListener } from '../services/privacy/removalRetentionListener';
import { RenewalListener } from '../services/renewals/renewalPlanner';
import { ReportIndexListener } from '../services/report/reportIndexListener';
import { ReportService } from '../services/report/reportService';
import { DownloadLinkSigner } from '../services/report/signedLink';
import { RoleService } from '../services/roles/roleService';
import { Stores } from '../services/storeFactory';
import { UniversityAssessmentStore } from '../services/university/universityAssessments';
import { UniversityService } from '../services/university/universityService';
import { AppConfig } from './config';
import { MovedAwayNotices } from './features/employee/movedAwayNotice';
import { Logger } from './logging';
import { Notices } from './proactive/startNotices';

export interface Domain {
  associations: AssociationService;
  university: UniversityService;
  /** Partner University assessments imported per account, shown while the account is linked. */
  universityAssessments: UniversityAssessmentStore;
  roles: RoleService;
  reports: ReportService;
  signer: DownloadLinkSigner;
  admin: AdminActions;
  policy: { startRetentionDays: number; auditRetentionDays: number };
  privacyViews: ReturnType<typeof privacyStores>;
  pseudonymizer: Pseudonymizer;
  erasedStarts: PseudonymizedStarts;
  /** Queue renewal reminders once the notices run (stage 4). */
  renewalListener: RenewalListener;
  /** Tell an account an MCID moved away from, once the notices run (stage 4). */
  movedAway: MovedAwayNotices;
}

export interface PrivacyServices {
  deps: PrivacyDeps;
  exporter: PersonalDataExporter;
  erasure: ErasureService;
}

export function composeDomain(config: AppConfig, log: Logger, clock: Clock, stores: Stores, orgs: OrgDirectory): Domain {
  const policy = { startRetentionDays: config.privacy.startRetentionDays, auditRetentionDays: config.privacy.auditRetentionDays };
  const privacyViews = privacyStores(stores);
  const pseudonymizer = new Pseudonymizer(config.privacy.hashSecret);
  const erasedStarts = new PseudonymizedStarts({ store: privacyViews.erasedStarts, pseudonymizer, policy, clock });
  const renewalListener = new RenewalListener(stores.profiles, config.renewals, clock, (err) => log.warn({ err: String(err) }, 'renewal reminders not queued; the next import queues them'));
  const movedAway = new MovedAwayNotices(orgs, (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'moved-away notice not delivered'));
  const associations = new AssociationService({
    store: stores.associations,
    clock,
    limits: config.limits,
    erasedStarts,
    // The audit trail and the report's counters follow every link, switch and removal;
    // an admin's removal schedules the profile's erasure (cancelled if the person links again);
    // an account an MCID moves away from is told (once the notices run, below).
    listeners: [
      movedAway,
      new AuditTrailListener(stores.audit),
      new ReportIndexListener(stores.reportIndex, stores.profiles),
      new RemovalRetentionListener({ profiles: privacyViews.profiles, records: privacyViews.records, policy }),
      renewalListener,
    ],
    onListenerError: (err) => log.warn({ err: String(err) }, 'association listener failed; derived data can be rebuilt'),
  });
  const roles = new RoleService({ partnerAdmins: stores.partnerAdmins, audit: stores.audit, clock });
  const university = new UniversityService({ documents: stores.documents, clock });
  const universityAssessments = new UniversityAssessmentStore(stores.documents);
  const reports = new ReportService({
    associations: stores.associations,
    profiles: stores.profiles,
    index: stores.reportIndex,
    partnerName: (mpnId) => orgs.byMpnId(mpnId)?.name ?? null,
    university: { links: university, assessments: universityAssessments },
  });
  const signer = new DownloadLinkSigner({ secret: config.downloadSigningSecret, publicBaseUrl: config.publicBaseUrl, clock });
  const admin = new AdminActions({ roles, reports, audit: stores.audit, association: associations, associations: stores.associations, profiles: stores.profiles, signer, clock });
  return { associations, university, universityAssessments, roles, reports, signer, admin, policy, privacyViews, pseudonymizer, erasedStarts, renewalListener, movedAway };
}

/** Export and erasure reach every store that holds a person, the notices' included. */
export function composePrivacy(domain: Domain, notices: Notices, stores: Stores, orgs: OrgDirectory, clock: Clock): PrivacyServices {
  const { privacyViews, associations, university, universityAssessments, erasedStarts, pseudonymizer, policy } = domain;
  const deps: PrivacyDeps = {
    ...privacyViews,
    associations,
    reportIndex: stores.reportIndex,
    university,
    universityAssessments,
    refs: notices.refs,
    prefs: notices.prefs,
    digests: notices.digests,
    notices: isPersonNotices(notices.scheduler) ? notices.scheduler : null,
    erasedStarts,
    pseudonymizer,
    orgs,
    documents: stores.documents,
    clock,
    policy,
  };
  return { deps, exporter: new PersonalDataExporter(deps), erasure: new ErasureService(deps) };
}
