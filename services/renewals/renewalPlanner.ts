/**
 * Queues the renewal reminders of linked people: when they link (RenewalListener) and after an
 * import (planOrgRenewals). Queueing is idempotent (one job per certification, expiry day and
 * stage), so planning again is harmless; a certification an import shows renewed has its pending
 * reminders for the old expiry day cancelled, and the worker checks again when one comes due.
 */
import { AssociationListener, RecordChange } from '../association/associationService';
import { AssociationStore } from '../association/associationStore';
import { Clock } from '../clock';
import { ProfileStore } from '../directory/profileStore';
import { CertificationProfile } from '../directory/types';
import { NoticeScheduler } from '../notices/noticeScheduler';
import { RenewalStage } from '../notices/types';
import { isRenewable, remindersFor, RenewalSettings } from './renewalRules';

export interface RenewalPerson {
  tenantId: string;
  userId: string;
  mcid: string;
}

/** Queues the reminders still to come for the profile's certifications; returns how many were new. */
export async function planRenewals(scheduler: NoticeScheduler, person: RenewalPerson, profile: CertificationProfile | null, now: Date, s: RenewalSettings): Promise<number> {
  let queued = 0;
  for (const c of (profile?.certifications ?? []).filter(isRenewable)) {
    for (const r of remindersFor(c, now, s)) {
      const out = await scheduler.schedule({ ...person, dueAt: r.dueAt, reason: 'renewal', renewal: r.target });
      if (out === 'scheduled') queued++;
    }
  }
  return queued;
}

const STAGES: RenewalStage[] = ['window', 'lastCall'];

/** Cancels the pending reminders of certifications whose expiry day changed (renewed) or that are gone; returns how many. */
export async function cancelReplaced(scheduler: NoticeScheduler, person: RenewalPerson, before: CertificationProfile | null, after: CertificationProfile | null): Promise<number> {
  const kept = new Set((after?.certifications ?? []).filter(isRenewable).map((c) => `${c.title}|${c.expiresOn.slice(0, 10)}`));
  let cancelled = 0;
  for (const c of (before?.certifications ?? []).filter(isRenewable)) {
    const expiresOn = c.expiresOn.slice(0, 10);
    if (kept.has(`${c.title}|${expiresOn}`)) continue;
    for (const stage of STAGES) {
      if (await scheduler.cancel({ ...person, dueAt: new Date(0), renewal: { title: c.title, expiresOn, stage } })) cancelled++;
    }
  }
  return cancelled;
}

export interface OrgRenewalPlan {
  associations: Pick<AssociationStore, 'scanOrgMembers' | 'getRecords'>;
  profiles: Pick<ProfileStore, 'getMany'>;
  scheduler: NoticeScheduler;
  settings: RenewalSettings;
  now: Date;
  /** Profiles as they were before an import, by MCID: their replaced reminders are cancelled. */
  before?: ReadonlyMap<string, CertificationProfile | null>;
}

/** After an import: every linked person of the org gets their reminders queued; returns how many were new. */
export async function planOrgRenewals(mpnId: string, plan: OrgRenewalPlan): Promise<{ queued: number; cancelled: number }> {
  const totals = { queued: 0, cancelled: 0 };
  for await (const mcids of plan.associations.scanOrgMembers(mpnId, 500)) {
    const [records, profiles] = await Promise.all([plan.associations.getRecords(mcids), plan.profiles.getMany(mcids)]);
    for (const [i, record] of records.entries()) {
      const link = record?.link;
      if (!record || !link || link.mpnId !== mpnId) continue;
      const person = { tenantId: link.tenantId, userId: link.userId, mcid: record.mcid };
      if (plan.before?.has(record.mcid)) totals.cancelled += await cancelReplaced(plan.scheduler, person, plan.before.get(record.mcid) ?? null, profiles[i]);
      totals.queued += await planRenewals(plan.scheduler, person, profiles[i], plan.now, plan.settings);
    }
  }
  return totals;
}

/** A person who links has the reminders of their profile queued. The queue is known once the notices run (deliverThrough). */
export class RenewalListener implements AssociationListener {
  private scheduler: NoticeScheduler | null = null;

  constructor(
    private readonly profiles: Pick<ProfileStore, 'get'>,
    private readonly settings: RenewalSettings,
    private readonly clock: Clock,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  scheduleThrough(scheduler: NoticeScheduler): void {
    this.scheduler = scheduler;
  }

  async onRecordChanged({ prev, next, profile, at }: RecordChange): Promise<void> {
    const link = next.link;
    if (!this.scheduler || !link) return;
    if (prev.link && prev.link.userId === link.userId && prev.link.mpnId === link.mpnId) return;
    const scheduler = this.scheduler;
    const plan = async () => {
      const known = profile === undefined ? await this.profiles.get(next.mcid) : profile;
      await planRenewals(scheduler, { tenantId: link.tenantId, userId: link.userId, mcid: next.mcid }, known, at ?? this.clock.now(), this.settings);
    };
    // Not awaited: the link's answer does not wait for the queue; the next import plans again anyway.
    this.pending = plan().catch(this.onError);
  }

  /** The latest planning in the background (tests wait for it). */
  pending: Promise<void> = Promise.resolve();
}
