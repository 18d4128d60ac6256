/** A small world for the report tests: two orgs, a few profiles, the association service with every admin-side listener. */
import { AssociationService } from '../../../services/association/associationService';
import { DEFAULT_LIMITS, OwnershipProof } from '../../../services/association/types';
import { AuditTrailListener } from '../../../services/audit/auditTrailListener';
import { ManualClock } from '../../../services/clock';
import { CertificationProfile, Organization } from '../../../services/directory/types';
import { MemoryAssociationStore } from '../../../services/memory/memoryAssociationStore';
import { MemoryAuditLog } from '../../../services/memory/memoryAuditLog';
import { MemoryPartnerAdminStore } from '../../../services/memory/memoryPartnerAdminStore';
import { MemoryProfileStore } from '../../../services/memory/memoryProfileStore';
import { MemoryReportIndexStore } from '../../../services/memory/memoryReportIndexStore';
import { ReportIndexListener } from '../../../services/report/reportIndexListener';
import { ReportService } from '../../../services/report/reportService';
import { RoleService } from '../../../services/roles/roleService';

export const contoso: Organization = { mpnId: '1234567', name: 'Contoso', tenantIds: ['t-contoso'], globalAdmins: ['ga-contoso'] };
export const fabrikam: Organization = { mpnId: '7654321', name: 'Fabrikam', tenantIds: ['t-fabrikam'], globalAdmins: ['ga-fabrikam'] };

export const AZ104 = 'Microsoft Certified: Azure Administrator Associate';
export const AZ400 = 'Microsoft Certified: DevOps Engineer Expert';

export const profiles: CertificationProfile[] = [
  {
    mcid: '10203040',
    firstName: 'Alice',
    lastName: 'Martin',
    emails: ['alice@contoso.com'],
    certifications: [
      { number: 'AZ-104', title: AZ104, type: 'certification', earnedOn: '2025-04-02', expiresOn: '2026-04-02' },
      { number: 'AZ-400', title: AZ400, type: 'certification', earnedOn: '2024-09-04', expiresOn: '2025-09-04' },
    ],
  },
  {
    mcid: '10204151',
    firstName: 'Benoît',
    lastName: 'Lefèvre',
    emails: ['benoit@contoso.com', 'b.lefevre@contoso.fr'],
    certifications: [{ number: 'AZ-104', title: AZ104, type: 'certification', earnedOn: '2025-10-02', expiresOn: '2026-10-02' }],
  },
  { mcid: '10205262', firstName: 'Chloé', lastName: 'Dubois', emails: ['chloe@contoso.com'], certifications: [] },
  {
    mcid: '10206373',
    firstName: '=HYPERLINK("http://evil.example","x")',
    lastName: '+Durand',
    emails: ['evil@fabrikam.com'],
    certifications: [{ number: 'AZ-400', title: AZ400, type: 'certification', earnedOn: '2025-01-01' }],
  },
];

export function world(start = '2026-03-01T09:00:00Z') {
  const clock = new ManualClock(start);
  const audit = new MemoryAuditLog();
  const associations = new MemoryAssociationStore();
  const profileStore = new MemoryProfileStore(profiles);
  const index = new MemoryReportIndexStore();
  const orgs = new Map([contoso, fabrikam].map((o) => [o.mpnId, o]));
  const service = new AssociationService({
    store: associations,
    clock,
    limits: DEFAULT_LIMITS,
    listeners: [new AuditTrailListener(audit), new ReportIndexListener(index, profileStore)],
    onListenerError: (err) => {
      throw err;
    },
  });
  const reports = new ReportService({ associations, profiles: profileStore, index, partnerName: (m) => orgs.get(m)?.name ?? null, batchSize: 2 });
  const roles = new RoleService({ partnerAdmins: new MemoryPartnerAdminStore(), audit, clock });
  const link = (mcid: string, org: Organization, userId: string, proof: OwnershipProof = 'email') => service.link(mcid, { mpnId: org.mpnId, tenantId: org.tenantIds[0], userId, proof });
  return { clock, audit, associations, profileStore, index, service, reports, roles, orgs, link };
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
