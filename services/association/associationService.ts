/**
 * Link, switch, remove and status for one MCID. Reads the record, lets the pure
 * rules decide, and writes with compare-and-set, retrying when another bot
 * process wrote in between, so R1–R3 hold however many processes run.
 */
import { Clock } from '../clock';
import { AssociationStore } from './associationStore';
import { applyLink, applyUnlink, availability, Availability, decideLink, LinkDecision, LinkRequest } from './associationRules';
import { CertificationProfile } from '../directory/types';
import { AssociationLimits, CurrentLink, emptyRecord, LinkEndReason, McidRecord } from './types';

/**
 * Start dates kept, under a keyed hash, for an MCID whose record was erased at
 * the person's request (services/privacy): the abuse limits (R3) still count them.
 */
export interface ErasedStarts {
  startsFor(mcid: string): Promise<string[]>;
}

/** The org of a start kept through an erasure is not known any more: only its date was kept. */
export const ERASED_START_ORG = '';

/**
 * Told after every successful write of a record (link, switch, takeover, removal):
 * the audit log, the report's counters and the notices subscribe here.
 * The record is already saved when they run, so a failing listener must not undo
 * anything; its error goes to `onListenerError` and the derived data is rebuildable.
 */
export interface AssociationListener {
  onRecordChanged(change: RecordChange): Promise<void>;
}

export interface RecordChange {
  prev: McidRecord;
  next: McidRecord;
  at: Date;
  /** Who caused it: the person themselves, or an admin acting on their org's report. */
  actor: { userId: string; role: 'person' | 'admin' };
  /** The MCID's profile (null: it has none), when the caller had read it already: listeners need not read it again. */
  profile?: CertificationProfile | null;
}

/**
 * What the caller of link() has just read, alongside its other checks, to save round trips.
 * `record`: the first attempt decides on it; if it was stale, compare-and-set refuses the write and
 * the next attempt reads the record afresh, so the rules hold either way.
 * `profile`: handed to the listeners (the report counts its certifications).
 */
export interface LinkReadAhead {
  record?: McidRecord;
  profile?: CertificationProfile | null;
}

export interface AssociationServiceDeps {
  store: AssociationStore;
  clock: Clock;
  limits: AssociationLimits;
  listeners?: AssociationListener[];
  /** Consulted when an MCID has no record, so an erasure never gives associations back (R3). */
  erasedStarts?: ErasedStarts;
  onListenerError?: (err: unknown, listenerIndex: number) => void;
}

export type LinkOutcome = { decision: LinkDecision; record: McidRecord };

export type UnlinkOutcome = { kind: 'notLinked' } | { kind: 'notOwner' } | { kind: 'unlinked'; ended: CurrentLink; record: McidRecord };

export interface StatusView {
  record: McidRecord;
  availability: Availability;
}

export class ConcurrentUpdateError extends Error {
  constructor(mcid: string) {
    super(`Too many concurrent updates to MCID ${mcid}`);
    this.name = 'ConcurrentUpdateError';
  }
}

const MAX_ATTEMPTS = 16;

/** A record or profile read ahead by the caller must be the MCID's own. */
function refuseOtherMcid(mcid: string, given: { mcid: string } | null | undefined): void {
  if (given && given.mcid !== mcid) throw new Error(`MCID ${mcid}: the record or profile given is for another MCID`);
}

export class AssociationService {
  constructor(private readonly deps: AssociationServiceDeps) {}

  get limits(): AssociationLimits {
    return this.deps.limits;
  }

  /** The record as stored (or empty, with any starts kept through an erasure). */
  async record(mcid: string): Promise<McidRecord> {
    // Both asked at once, though the erased starts count only when there is no record: on Redis a
    // turn's CPU goes to round trips (~50 us each, an event-loop wake-up and two syscalls), not to
    // commands (a few us more in the same write), and a first link, which has no record, needs both.
    const [stored, kept] = await Promise.all([this.deps.store.getRecord(mcid), this.deps.erasedStarts?.startsFor(mcid) ?? []]);
    if (stored) return stored;
    // Version stays 0 (no record): the first save creates it, with these starts in it.
    return { ...emptyRecord(mcid), starts: kept.map((at) => ({ mpnId: ERASED_START_ORG, at })) };
  }

  /** What linking would do now, without doing it: for the confirmation card. `current`: the record as the caller just read it. */
  async preview(mcid: string, req: LinkRequest, current?: McidRecord): Promise<LinkOutcome> {
    refuseOtherMcid(mcid, current);
    const record = current ?? (await this.record(mcid));
    return { decision: decideLink(record, req, this.deps.clock.now(), this.deps.limits), record };
  }

  /** Links (or switches, or takes over) under the rules; see LinkReadAhead for what the caller may pass in. */
  async link(mcid: string, req: LinkRequest, readAhead: LinkReadAhead = {}): Promise<LinkOutcome> {
    return this.update(
      mcid,
      { userId: req.userId, role: 'person' },
      (record, now) => {
        const decision = decideLink(record, req, now, this.deps.limits);
        const changes = decision.kind === 'allowed' || decision.kind === 'takeover';
        return { result: decision, next: changes ? applyLink(record, req, decision, now) : null };
      },
      readAhead,
    ).then(({ result, record }) => ({ decision: result, record }));
  }

  /** The person removes their own link. Only the person who linked may (R5). */
  async unlink(mcid: string, userId: string): Promise<UnlinkOutcome> {
    return this.end(mcid, 'removedByPerson', { userId, role: 'person' }, (link) => link.userId === userId);
  }

  /** An admin removes a departed person from their org's report: never links (R5, R7). */
  async removeFromOrg(mcid: string, mpnId: string, adminUserId: string): Promise<UnlinkOutcome> {
    return this.end(mcid, 'removedByAdmin', { userId: adminUserId, role: 'admin' }, (link) => link.mpnId === mpnId);
  }

  async status(mcid: string): Promise<StatusView> {
    return this.statusOf(await this.record(mcid));
  }

  /** The same view from a record the caller has just read (e.g. by recordOfPerson). */
  statusOf(record: McidRecord): StatusView {
    return { record, availability: availability(record.starts, this.deps.clock.now(), this.deps.limits) };
  }

  /** The record this person's link is on, verified against the record itself (indexes are derived). */
  async recordOfPerson(tenantId: string, userId: string): Promise<McidRecord | null> {
    const mcid = await this.deps.store.mcidForPerson(tenantId, userId);
    if (!mcid) return null;
    const record = await this.deps.store.getRecord(mcid);
    if (!record?.link || record.link.userId !== userId || record.link.tenantId !== tenantId) return null;
    return record;
  }

  private async end(mcid: string, reason: LinkEndReason, actor: RecordChange['actor'], allowed: (link: CurrentLink) => boolean): Promise<UnlinkOutcome> {
    const { result } = await this.update<UnlinkOutcome>(mcid, actor, (record, now) => {
      const link = record.link;
      if (!link) return { result: { kind: 'notLinked' }, next: null };
      if (!allowed(link)) return { result: { kind: 'notOwner' }, next: null };
      const next = applyUnlink(record, now, reason);
      return { result: { kind: 'unlinked', ended: link, record: next }, next };
    });
    return result;
  }

  private async update<T>(
    mcid: string,
    actor: RecordChange['actor'],
    step: (record: McidRecord, now: Date) => { result: T; next: McidRecord | null },
    { record: current, profile }: LinkReadAhead = {},
  ): Promise<{ result: T; record: McidRecord }> {
    refuseOtherMcid(mcid, current);
    refuseOtherMcid(mcid, profile);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const record = attempt === 0 && current ? current : await this.record(mcid);
      const now = this.deps.clock.now();
      const { result, next } = step(record, now);
      if (!next) return { result, record };
      // The listeners (audit, report counters) run beside the store's own index step.
      const change: RecordChange = { prev: record, next, at: now, actor, profile };
      if (await this.deps.store.saveRecord(record, next, () => this.notify(change))) {
        return { result, record: next };
      }
    }
    throw new ConcurrentUpdateError(mcid);
  }

  private async notify(change: RecordChange): Promise<void> {
    const listeners = this.deps.listeners ?? [];
    await Promise.all(listeners.map((listener, i) => listener.onRecordChanged(change).catch((err: unknown) => this.deps.onListenerError?.(err, i))));
  }
}
