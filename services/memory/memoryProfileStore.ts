import { normalizeEmail, ProfileStore } from '../directory/profileStore';
import { CertificationProfile } from '../directory/types';
import { Clock, systemClock } from '../clock';
import { ProfileRetention } from '../privacy/retentionStores';

export class MemoryProfileStore implements ProfileStore, ProfileRetention {
  private readonly byMcid = new Map<string, CertificationProfile>();
  private readonly byEmail = new Map<string, string>();
  /** Profiles scheduled to disappear (epoch ms), as Redis keys with a TTL would. */
  private readonly expiries = new Map<string, number>();

  constructor(
    profiles: CertificationProfile[] = [],
    private readonly clock: Clock = systemClock,
  ) {
    for (const p of profiles) this.put(p);
  }

  private expire(mcid: string): void {
    const at = this.expiries.get(mcid);
    if (at !== undefined && at <= this.clock.now().getTime()) void this.erase(mcid);
  }

  async erase(mcid: string): Promise<boolean> {
    const old = this.byMcid.get(mcid);
    this.expiries.delete(mcid);
    if (!old) return false;
    for (const email of old.emails) if (this.byEmail.get(normalizeEmail(email)) === mcid) this.byEmail.delete(normalizeEmail(email));
    this.byMcid.delete(mcid);
    return true;
  }

  async expireProfileAt(mcid: string, at: Date): Promise<void> {
    if (this.byMcid.has(mcid)) this.expiries.set(mcid, at.getTime());
  }

  async persistProfile(mcid: string): Promise<void> {
    this.expiries.delete(mcid);
  }

  private put(profile: CertificationProfile): void {
    const old = this.byMcid.get(profile.mcid);
    for (const email of old?.emails ?? []) {
      // Only if it still names this profile: another profile may have taken the address since.
      if (this.byEmail.get(normalizeEmail(email)) === profile.mcid) this.byEmail.delete(normalizeEmail(email));
    }
    this.byMcid.set(profile.mcid, structuredClone(profile));
    this.expiries.delete(profile.mcid); // a fresh copy (import) is kept, as SET clears a Redis TTL
    for (const email of profile.emails) this.byEmail.set(normalizeEmail(email), profile.mcid);
  }

  async get(mcid: string): Promise<CertificationProfile | null> {
    this.expire(mcid);
    const p = this.byMcid.get(mcid);
    return p ? structuredClone(p) : null;
  }

  async getMany(mcids: string[]): Promise<(CertificationProfile | null)[]> {
    return Promise.all(mcids.map((m) => this.get(m)));
  }

  async findByEmail(email: string): Promise<CertificationProfile | null> {
    const mcid = await this.mcidForEmail(email);
    return mcid ? this.get(mcid) : null;
  }

  async mcidForEmail(email: string): Promise<string | null> {
    const found = this.byEmail.get(normalizeEmail(email));
    if (found) this.expire(found); // an expired profile takes its emails with it
    return this.byEmail.get(normalizeEmail(email)) ?? null;
  }

  async upsert(profile: CertificationProfile): Promise<void> {
    this.put(profile);
  }
}
