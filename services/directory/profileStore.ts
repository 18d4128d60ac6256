import { CertificationProfile } from './types';

/** Certification profiles by MCID and by sign-in email. */
export interface ProfileStore {
  get(mcid: string): Promise<CertificationProfile | null>;
  getMany(mcids: string[]): Promise<(CertificationProfile | null)[]>;
  findByEmail(email: string): Promise<CertificationProfile | null>;
  /**
   * Derived: the MCID whose profile listed this email, unverified: check the profile with
   * listsEmail. For a caller that reads the profile beside other data of that MCID.
   */
  mcidForEmail(email: string): Promise<string | null>;
  upsert(profile: CertificationProfile): Promise<void>;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True when the profile still lists the email (the email index is derived, and may lag). */
export function listsEmail(profile: CertificationProfile | null, email: string): profile is CertificationProfile {
  const wanted = normalizeEmail(email);
  return profile !== null && profile.emails.some((e) => normalizeEmail(e) === wanted);
}
