/**
 * "delete my data": erases what CertLink holds about one person, keeping only
 * what the abuse limits (R3) need: the association start dates, under a keyed
 * hash of the MCID, until the limit window no longer needs them.
 *
 * Order matters: the link is ended through AssociationService first (so the
 * audit trail, the report counters and the derived indexes follow as for any
 * removal), the start dates are put under the hash before the clear record is
 * deleted (so no moment exists when the limits could be dodged), and the audit
 * is pseudonymized last (so the entry the removal itself wrote is covered).
 */
import { McidRecord } from '../association/types';
import { AuditEntry } from '../audit/auditLog';
import { exportEmailKey, mcidOfPerson, orgsToSearch, PersonRef, PrivacyDeps } from './privacyDeps';

export interface ErasureSummary {
  /** The MCID whose data was erased (for the reply only; it is not kept anywhere). */
  mcid: string | null;
  linkEnded: { mpnId: string } | null;
  profileErased: boolean;
  recordErased: boolean;
  startDatesKept: number;
  auditEntriesPseudonymized: number;
  noticesCancelled: number;
  universityLinkErased: boolean;
  /** An MCID the person's email leads to is linked by another account: its data was left alone. */
  mcidHeldByOther: boolean;
}

const MAX_ATTEMPTS = 16;

/** The entry with the person's MCID and user id replaced by their keyed hashes; null when it names neither. */
export function pseudonymizedEntry(entry: AuditEntry, who: { userId: string; mcid: string | null }, hashes: { user: string; mcid: string | null }): AuditEntry | null {
  const next: AuditEntry = { ...entry };
  let changed = false;
  if (entry.actorUserId === who.userId) {
    next.actorUserId = hashes.user;
    changed = true;
  }
  if (entry.targetUserId === who.userId) {
    next.targetUserId = hashes.user;
    changed = true;
  }
  if (who.mcid !== null && hashes.mcid !== null && entry.mcid === who.mcid) {
    next.mcid = hashes.mcid;
    changed = true;
  }
  return changed ? next : null;
}

export class ErasureService {
  constructor(private readonly deps: PrivacyDeps) {}

  async erase(person: PersonRef): Promise<ErasureSummary> {
    const { deps } = this;
    const { tenantId, userId } = person;
    const summary: ErasureSummary = {
      mcid: null,
      linkEnded: null,
      profileErased: false,
      recordErased: false,
      startDatesKept: 0,
      auditEntriesPseudonymized: 0,
      noticesCancelled: 0,
      universityLinkErased: false,
      mcidHeldByOther: false,
    };

    // Notices first, so none goes out while the rest is erased.
    if (deps.notices) summary.noticesCancelled = await deps.notices.cancelAllFor(tenantId, userId);
    if (deps.refs) await deps.refs.forget(tenantId, userId);
    if (deps.prefs) {
      // The defaults (notices on, never reminded) are what "no setting stored" means.
      await deps.prefs.setNoticesEnabled(tenantId, userId, true);
      await deps.prefs.releaseReminder(tenantId, userId);
    }
    await deps.digests?.forget(tenantId, userId);
    const university = await deps.university.remove(tenantId, userId);
    summary.universityLinkErased = university.kind === 'removed';
    if (university.kind === 'removed') await deps.universityAssessments?.replace(university.link.account, []);
    await deps.documents.delete([exportEmailKey(tenantId, userId)]);

    const mcid = await mcidOfPerson(deps, person);
    if (!mcid && person.email) {
      const profile = await deps.profiles.findByEmail(person.email);
      summary.mcidHeldByOther = profile !== null;
    }
    let orgs: string[] = [];
    if (mcid) {
      summary.mcid = mcid;
      const erased = await this.eraseRecord(mcid, userId, summary);
      orgs = [...erased.starts, ...erased.ended].map((s) => s.mpnId);
      summary.profileErased = await deps.profiles.erase(mcid);
    }

    const hashes = { user: deps.pseudonymizer.user(userId), mcid: mcid ? deps.pseudonymizer.mcid(mcid) : null };
    for (const mpnId of orgsToSearch(deps, person, orgs)) {
      summary.auditEntriesPseudonymized += await deps.audit.rewrite(mpnId, (e) => pseudonymizedEntry(e, { userId, mcid }, hashes));
    }
    return summary;
  }

  /** Ends the link, keeps the starts under the hash, deletes the clear record: retried if someone writes in between. */
  private async eraseRecord(mcid: string, userId: string, summary: ErasureSummary): Promise<Pick<McidRecord, 'starts' | 'ended'>> {
    const { deps } = this;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let record = await deps.records.getRecord(mcid);
      if (!record) return { starts: [], ended: [] };
      if (record.link) {
        const out = await deps.associations.unlink(mcid, userId);
        if (out.kind === 'unlinked') summary.linkEnded = { mpnId: out.ended.mpnId };
        record = await deps.records.getRecord(mcid);
        if (!record) continue;
        if (record.link) {
          // Linked again meanwhile (or by another account): erase nothing of the MCID's record.
          if (record.link.userId !== userId) return { starts: [], ended: [] };
          continue;
        }
      }
      summary.startDatesKept = await deps.erasedStarts.remember(
        mcid,
        record.starts.map((s) => s.at),
      );
      // The counters follow the removal through their listener; this catches one that failed then.
      for (const mpnId of new Set(record.starts.map((s) => s.mpnId).filter(Boolean))) await deps.reportIndex.remove(mpnId, mcid);
      if (await deps.records.deleteRecord(record)) {
        summary.recordErased = true;
        return record;
      }
    }
    throw new Error('The erasure could not finish: the record kept changing');
  }
}
