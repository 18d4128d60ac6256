import { normalizeEmail, ProfileStore } from '../directory/profileStore';
import { CertificationProfile } from '../directory/types';

export class MemoryProfileStore implements ProfileStore {
  private readonly byMcid = new Map<string, CertificationProfile>();
  private readonly byEmail = new Map<string, string>();

  constructor(profiles: CertificationProfile[] = []) {
    for (const p of profiles) this.put(p);
  }

  private put(profile: CertificationProfile): void {
    const old = this.byMcid.get(profile.mcid);
    for (const email of old?.emails ?? []) {
      // Only if it still names this profile: another profile may have taken the address since.
      if (this.byEmail.get(normalizeEmail(email)) === profile.mcid) this.byEmail.delete(normalizeEmail(email));
    }
    this.byMcid.set(profile.mcid, structuredClone(profile));
    for (const email of profile.emails) this.byEmail.set(normalizeEmail(email), profile.mcid);
  }

  async get(mcid: string): Promise<CertificationProfile | null> {
    const p = this.byMcid.get(mcid);
    return p ? structuredClone(p) : null;
  }

  async getMany(mcids: string[]): Promise<(CertificationProfile | null)[]> {
    return Promise.all(mcids.map((m) => this.get(m)));
  }

  async findByEmail(email: string): Promise<CertificationProfile | null> {
    const mcid = this.byEmail.get(normalizeEmail(email));
    return mcid ? this.get(mcid) : null;
  }

  async upsert(profile: CertificationProfile): Promise<void> {
    this.put(profile);
  }
}
