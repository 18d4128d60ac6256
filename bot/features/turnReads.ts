/**
 * The reads a turn's handler will ask for, started as soon as the turn is known (beside the
 * once-only claim and the conversation state) and shared by whoever asks. On Redis a turn's CPU
 * goes to round trips more than to the commands in them (docs/SCALING.md), so every read that
 * rides along with another saves one.
 *
 * Reads only, never writes: starting one before the claim is settled changes nothing if the
 * activity turns out to be a redelivery. Each value is as read near the start of the turn; a
 * handler that writes (a link) decides on it and the write re-checks it (compare-and-set).
 */
import { McidRecord } from '../../services/association/types';
import { provenAddresses } from '../../services/directory/emailProof';
import { listsEmail } from '../../services/directory/profileStore';
import { CertificationProfile } from '../../services/directory/types';
import type { AssociationService } from '../../services/association/associationService';
import type { OrgDirectory } from '../../services/directory/orgDirectory';
import type { ProfileStore } from '../../services/directory/profileStore';
import type { Turn } from '../runtime/turn';
import type { MemberLookup, TeamsPerson } from '../teams/memberEmail';

/**
 * What a handler can ask to have read ahead (a feature's `readAhead`, bot/features/feature.ts):
 * 'mine' the person's own linked record, 'byEmail' the profile their proven Teams address leads to
 * and its record, 'member' who Teams says they are (the pipeline's guest check), 'cardRecord' and
 * 'cardProfile' (card actions) the record and the profile of the MCID the card is about.
 */
export type ReadAhead = 'mine' | 'byEmail' | 'member' | 'cardRecord' | 'cardProfile';

export interface ProfileByEmail {
  /** The address that found the profile, or else the person's first proven address; null when they have none. */
  email: string | null;
  /** The profile that lists this address, or null. */
  profile: CertificationProfile | null;
  /** That profile's record (empty when it never linked), read beside the profile. */
  record: McidRecord | null;
  /**
   * The Teams email, when it proves nothing (neither the account's sign-in name nor in a domain its
   * organization lists) and no proven address found a profile: the person is told to sign in.
   */
  unproven: string | null;
}

export interface ReadServices {
  associations: AssociationService;
  profiles: ProfileStore;
  members: MemberLookup;
  /** The person's organization, whose listed domains make a Teams email proof (emailProof.ts). */
  orgs: Pick<OrgDirectory, 'forTenant'>;
}

export class TurnReads {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly services: ReadServices,
    private readonly turn: Turn,
    private readonly who: { tenantId: string | null; userId: string },
  ) {}

  /**
   * Starts these reads now; a failure surfaces to whoever asks for the value, not here.
   * 'cardRecord' and 'cardProfile' start only once the card is given (its payload names the MCID);
   * starting a read again is free, so the same list can be passed before and after the card is known.
   */
  start(reads: readonly ReadAhead[], card?: { payload: Record<string, string> }): void {
    for (const read of reads) {
      if (read === 'mine') void this.mine();
      else if (read === 'byEmail') void this.byEmail();
      else if (read === 'member') void this.member();
      else if (card && typeof card.payload.mcid === 'string') void (read === 'cardRecord' ? this.record(card.payload.mcid) : this.profile(card.payload.mcid));
    }
  }

  /** The record the person's own link is on (verified), or null: AssociationService.recordOfPerson. */
  mine(): Promise<McidRecord | null> {
    return this.once('mine', () => this.services.associations.recordOfPerson(this.who.tenantId ?? '', this.who.userId));
  }

  /** Who Teams says the person is (member lookup, cached a few minutes in this process); null when Teams did not answer. */
  member(): Promise<TeamsPerson | null> {
    return this.once('member', () => this.services.members.personOf(this.turn));
  }

  /**
   * The addresses that prove a profile is the person's, best first: their Teams email when it is
   * their own (their sign-in name, or in a domain their organization lists), and their sign-in name.
   * None for a guest, who acts for no organization here.
   */
  private proven(): Promise<{ proven: string[]; unproven: string | null }> {
    return this.once('proven', async () => {
      const person = await this.member();
      const org = this.services.orgs.forTenant(this.who.tenantId);
      if (!person || person.guest || !org) return { proven: [], unproven: null };
      return provenAddresses(person, org);
    });
  }

  /** The person's own address as Teams proves it (see proven()), or null. */
  async email(): Promise<string | null> {
    return (await this.proven()).proven[0] ?? null;
  }

  /** One MCID's record, as AssociationService.record gives it (with starts kept through an erasure). */
  record(mcid: string): Promise<McidRecord> {
    return this.once(`record:${mcid}`, () => this.services.associations.record(mcid));
  }

  /** One MCID's profile, or null. */
  profile(mcid: string): Promise<CertificationProfile | null> {
    return this.once(`profile:${mcid}`, () => this.services.profiles.get(mcid));
  }

  /**
   * The profile the person's proven address leads to, and its record: the email index names the
   * MCID, then the profile (to verify it still lists the address) and the record are read together.
   * Most people have one proven address (their email is their sign-in name): one index read.
   */
  byEmail(): Promise<ProfileByEmail> {
    return this.once('byEmail', async () => {
      const { proven, unproven } = await this.proven();
      for (const address of proven) {
        const mcid = await this.services.profiles.mcidForEmail(address);
        if (!mcid) continue;
        const [profile, record] = await Promise.all([this.profile(mcid), this.record(mcid)]);
        if (listsEmail(profile, address)) return { email: address, profile, record, unproven: null };
      }
      return { email: proven[0] ?? null, profile: null, record: null, unproven };
    });
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const known = this.memo.get(key);
    if (known) return known as Promise<T>;
    let value: Promise<T>;
    try {
      value = read();
    } catch (err) {
      value = Promise.reject(err);
    }
    // Read ahead and perhaps never asked for: its failure must not be an unhandled rejection.
    value.catch(() => undefined);
    this.memo.set(key, value);
    return value;
  }
}
