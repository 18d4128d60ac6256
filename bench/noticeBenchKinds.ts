/** What the notice bench queues: "you can link again" notices, or renewal reminders checked as the worker checks them. */
import { renewalHandlers } from '../bot/proactive/renewalNotices';
import { addDays, systemClock } from '../services/clock';
import { CertificationProfile } from '../services/directory/types';
import { NoticeRequest } from '../services/notices/types';

export type Kind = 'notice' | 'renewal';

const RENEWAL_TITLE = 'Microsoft Certified: Azure Administrator Associate';

/** The bench's people: user-<tenant>-<n>, MCID m-<user id>, linked, a certification in its renewal window (100 days left). */
export function renewalDeps(now: Date): Parameters<typeof renewalHandlers>[0] {
  const expiresOn = addDays(now, 100).toISOString().slice(0, 10);
  const userOf = (mcid: string) => mcid.slice(2);
  return {
    settings: { windowDays: 180, lastCallDays: 30 },
    clock: systemClock,
    linkOf: async (mcid) => ({ mpnId: '1234567', tenantId: `tenant-${userOf(mcid).split('-')[1]}`, userId: userOf(mcid), since: now.toISOString(), proof: 'email' }),
    profiles: {
      get: async (mcid): Promise<CertificationProfile> => ({
        mcid,
        firstName: 'A',
        lastName: 'B',
        emails: [],
        certifications: [{ number: 'AZ-104', title: RENEWAL_TITLE, type: 'certification', earnedOn: '2025-01-01', expiresOn }],
      }),
    },
    isAdmin: async () => false,
    people: async function* () {},
    orgName: () => 'Bench',
  };
}

export function benchRequest(kind: Kind, p: { tenantId: string; userId: string }, day: Date): NoticeRequest {
  const base = { ...p, mcid: `m-${p.userId}`, dueAt: day };
  if (kind === 'notice') return { ...base, reason: 'refused' };
  return { ...base, reason: 'renewal', renewal: { title: RENEWAL_TITLE, expiresOn: addDays(day, 100).toISOString().slice(0, 10), stage: 'window' } };
}
