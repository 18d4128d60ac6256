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
import { listsEmail } from '../../services/directory/profileStore';
import { CertificationProfile } from '../../services/directory/types';
import type { AssociationService } from '../../services/association/associationService';
import type { ProfileStore } from '../../services/directory/profileStore';
import type { Turn } from '../runtime/turn';
import type { MemberEmailLookup } from '../teams/memberEmail';

/**
 * What a handler can ask to have read ahead (a feature's `readAhead`, bot/features/feature.ts):
 * 'mine' the person's own linked record, 'byEmail' the profile their Teams email leads to and its
 * record, 'cardRecord' and 'cardProfile' (card actions) the record and the profile of the MCID the card is about.
 */
export type ReadAhead = 'mine' | 'byEmail' | 'cardRecord' | 'cardProfile';

export interface ProfileByEmail {
  /** The person's Teams email, or null when Teams gave none. */
  email: string | null;
  /** The profile that lists this email, or null. */
  profile: CertificationProfile | null;
  /** That profile's record (empty when it never linked), read beside the profile. */
  record: McidRecord | null;
}

export interface ReadServices {
  associations: AssociationService;
  profiles: ProfileStore;
  memberEmail: MemberEmailLookup;
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
      else if (card && typeof card.payload.mcid === 'string') void (read === 'cardRecord' ? this.record(card.payload.mcid) : this.profile(card.payload.mcid));
    }
  }

  /** The record the person's own link is on (verified), or null: AssociationService.recordOfPerson. */
  mine(): Promise<McidRecord | null> {
    return this.once('mine', () => this.services.associations.recordOfPerson(this.who.tenantId ?? '', this.who.userId));
  }

  /** The person's Teams email (member lookup, cached a few minutes in this process). */
  email(): Promise<string | null> {
    return this.once('email', () => this.services.memberEmail.emailOf(this.turn));
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
   * The profile the Teams email leads to, and its record: the email index names the MCID, then the
   * profile (to verify it still lists the email) and the record are read together.
   */
  byEmail(): Promise<ProfileByEmail> {
    return this.once('byEmail', async () => {
      const email = await this.email();
      const mcid = email ? await this.services.profiles.mcidForEmail(email) : null;
      if (!email || !mcid) return { email, profile: null, record: null };
      const [profile, record] = await Promise.all([this.profile(mcid), this.record(mcid)]);
      return listsEmail(profile, email) ? { email, profile, record } : { email, profile: null, record: null };
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
