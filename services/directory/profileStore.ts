import { CertificationProfile } from './types';

/** Certification profiles by MCID and by sign-in email. */
export interface ProfileStore {
  get(mcid: string): Promise<CertificationProfile | null>;
  getMany(mcids: string[]): Promise<(CertificationProfile | null)[]>;
  findByEmail(email: string): Promise<CertificationProfile | null>;
  upsert(profile: CertificationProfile): Promise<void>;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
