/**
 * People for the skills report tab's tests and bench: profiles put in the running app's profile
 * store and linked to Contoso through the association service, as the chat links them.
 */
import type { RunningApp } from '../../bot/app';
import { CertificationProfile } from '../../services/directory/types';

export const CONTOSO_MPN = '1234567';

const TITLES = [
  'Microsoft Certified: Azure Administrator Associate',
  'Microsoft Certified: Azure Fundamentals',
  'Microsoft Certified: Azure Developer Associate',
  'Microsoft Certified: Azure Solutions Architect Expert',
  'Microsoft Certified: DevOps Engineer Expert',
  'Microsoft Certified: Security Operations Analyst Associate',
  'Microsoft Certified: Azure Data Engineer Associate',
  'Microsoft Certified: Fabric Analytics Engineer Associate',
  'Microsoft Certified: Power Platform Fundamentals',
  'Microsoft 365 Certified: Teams Administrator Associate',
  'Microsoft Certified: Azure AI Engineer Associate',
  'Microsoft Certified: Azure Security Engineer Associate',
];
const FIRST = ['Amélie', 'Bruno', 'Chloé', 'Élodie', 'François', 'Gaëlle', 'Hélène', 'Jérôme', 'Léa', 'Noël'];
const LAST = ['Leroy', 'Dubois', 'Gauthier', 'Lemaître', 'Çelik', 'Noël', 'Petit', 'Roux', 'Durand', 'Moreau'];
const DAY = 86_400_000;

/** `count` made-up people, 2 to 4 certifications each, earned over the two years before `now` (some expired, some expiring). */
export function syntheticPeople(count: number, now: Date): CertificationProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const mcid = String(40_000_000 + i);
    const certifications = Array.from({ length: 2 + (i % 3) }, (_, k) => {
      const earned = now.getTime() - (((i + k * 131) % 700) + 1) * DAY;
      return {
        number: `AZ-${100 + ((i + k) % 12)}`,
        title: TITLES[(i + k * 5) % TITLES.length],
        type: 'certification' as const,
        earnedOn: new Date(earned).toISOString().slice(0, 10),
        expiresOn: new Date(earned + 365 * DAY).toISOString().slice(0, 10),
      };
    });
    return { mcid, firstName: FIRST[i % 10], lastName: `${LAST[Math.floor(i / 10) % 10]} ${i}`, emails: [`p${i}@contoso.com`], certifications };
  });
}

/** Puts the profiles in the app's store and links each person to Contoso (tenant `tenantId`). */
export async function linkToContoso(app: RunningApp, tenantId: string, people: readonly CertificationProfile[]): Promise<void> {
  for (const profile of people) {
    await app.services.profiles.upsert(profile);
    await app.services.associations.link(profile.mcid, { mpnId: CONTOSO_MPN, tenantId, userId: `aad-${profile.mcid}`, proof: 'email' });
  }
}
