/**
 * The routes beside POST /api/messages: report and personal-data downloads, the tabs and their
 * API, and the drain gate; and the audit retention sweeps that run with the server. /metrics is
 * not here: it has a listener of its own (metricsListener.ts), off the public port.
 */
import type { JWTVerifyGetKey } from 'jose';
import type { Server } from 'restify';
import { AdminActions } from '../../services/admin/adminActions';
import { AssociationService } from '../../services/association/associationService';
import { Clock } from '../../services/clock';
import { OrgDirectory } from '../../services/directory/orgDirectory';
import { NoticePreferenceStore } from '../../services/notices/conversationRefStore';
import { PersonalDataExporter } from '../../services/privacy/personalDataExport';
import { PrivacyDeps } from '../../services/privacy/privacyDeps';
import { sweepAuditRetention, startRetentionSweeps } from '../../services/privacy/retentionSweep';
import { ReportService } from '../../services/report/reportService';
import { DownloadLinkSigner } from '../../services/report/signedLink';
import { RoleService } from '../../services/roles/roleService';
import { Stores } from '../../services/storeFactory';
import { AppConfig, isLocalMode } from '../config';
import { Logger } from '../logging';
import { addDrainGate, DrainGate } from './operationsRoutes';
import { registerPersonalDataDownload } from './personalDataRoute';
import { registerReportDownload } from './reportDownloadRoute';
import { registerTabApi } from './tabApi';
import { createTabIdentityVerifier } from './tabIdentity';
import { registerTabPages } from './tabPages';

export interface RouteDeps {
  config: AppConfig;
  log: Logger;
  clock: Clock;
  stores: Stores;
  services: {
    orgs: OrgDirectory;
    associations: AssociationService;
    admin: AdminActions;
    roles: RoleService;
    reports: ReportService;
    signer: DownloadLinkSigner;
    privacy: { deps: PrivacyDeps; exporter: PersonalDataExporter };
    notices: { prefs: NoticePreferenceStore };
  };
  /** Signing keys for the tabs' SSO tokens (default: Entra ID's JWKS). */
  tabTokenKeys?: JWTVerifyGetKey;
}

export function registerRoutes(server: Server, deps: RouteDeps): { gate: DrainGate; sweeps: { stop(): void } } {
  const { config, log, clock, stores, services } = deps;
  const { orgs } = services;
  registerReportDownload(server, {
    signer: services.signer,
    roles: services.roles,
    orgByMpnId: (mpnId) => orgs.byMpnId(mpnId),
    reports: services.reports,
    audit: stores.audit,
    once: stores.once,
    clock,
    onError: (err, where) => log.error({ err: String(err), where }, 'download failed'),
  });
  registerPersonalDataDownload(server, {
    signer: services.signer,
    exporter: services.privacy.exporter,
    documents: stores.documents,
    orgForTenant: (tenantId) => orgs.forTenant(tenantId),
    once: stores.once,
    clock,
    onError: (err) => log.error({ err: String(err) }, 'personal data download failed'),
  });
  registerTabApi(server, {
    verify: createTabIdentityVerifier({ appId: config.microsoftAppId, domain: new URL(config.publicBaseUrl).host, keys: deps.tabTokenKeys, clock, log }),
    orgs,
    associations: services.associations,
    profiles: stores.profiles,
    admin: services.admin,
    noticePrefs: services.notices.prefs,
    log,
    clock,
  });
  registerTabPages(server, { localMode: isLocalMode(config) });
  const gate = addDrainGate(server);
  // Audit entries past their retention are trimmed at start and then periodically (streams have no per-entry TTL).
  const sweeps = startRetentionSweeps(
    async () => {
      const out = await sweepAuditRetention({ audit: services.privacy.deps.audit, mpnIds: orgs.all().map((org) => org.mpnId), clock, policy: services.privacy.deps.policy });
      if (out.auditEntriesTrimmed > 0) log.info(out, 'audit retention sweep');
    },
    config.privacy.sweepIntervalHours * 3_600_000,
    (err) => log.warn({ err: String(err) }, 'audit retention sweep failed; it runs again later'),
  );
  return { gate, sweeps };
}
