export interface Organization {
  mpnId: string;
  name: string;
  /** Entra tenants whose Teams users belong to this org. A tenant belongs to one org. */
  tenantIds: string[];
  /** Entra object ids of the org's global admins (R7). */
  globalAdmins: string[];
  /**
   * Email domains the org vouches for (lower case): an address there, as Teams reports it for
   * someone of this org's tenant, is that person's own (services/directory/emailProof.ts). None
   * listed: only an address equal to the account's sign-in name (UPN) is.
   */
  domains?: string[];
}

export interface Certification {
  /** Exam or certification number, e.g. AZ-104. */
  number: string;
  title: string;
  type: 'certification' | 'exam';
  earnedOn: string;
  expiresOn?: string;
}

/** A Microsoft Certification Profile: what the MCID stands for. */
export interface CertificationProfile {
  mcid: string;
  firstName: string;
  lastName: string;
  /** Addresses the profile signs in with; the "Use email@address" shortcut matches on them. */
  emails: string[];
  certifications: Certification[];
}
