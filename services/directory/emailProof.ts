/**
 * When does the email Teams reports for a person prove that a certification profile listing it is
 * theirs? Teams' member API gives an account's email and its sign-in name (UPN). A tenant's admin
 * can set any email on an account of their tenant (alice@contoso.com on a Fabrikam account), but a
 * UPN is always in a domain the tenant proved it owns. So the email counts only when it is the
 * account's own: equal to its UPN, or in a domain the account's organization lists in ORGS_FILE.
 * The UPN itself always counts. Anything else needs the sign-in proof.
 */
import { Organization } from './types';

/** The domain of an address, lower case; null when it has none. */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1
    ? address
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : null;
}

/** True when the org lists the address's domain as its own. */
export function orgListsDomainOf(org: Organization, address: string): boolean {
  const domain = domainOf(address);
  return domain !== null && (org.domains ?? []).includes(domain);
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export interface TeamsAddresses {
  /** The email Teams reports for the account (the member API's email), if any. */
  email: string | null;
  /** The account's sign-in name (the member API's userPrincipalName), if any. */
  upn: string | null;
}

export interface ProvenAddresses {
  /** The addresses, best first, that may find the person's profile for the one-click link. */
  proven: string[];
  /** The Teams email when it proves nothing (neither the UPN nor in a listed domain); null otherwise. */
  unproven: string | null;
}

export function provenAddresses(account: TeamsAddresses, org: Organization): ProvenAddresses {
  const { email, upn } = account;
  const upnOk = upn !== null && upn.includes('@') && !/#EXT#/i.test(upn);
  const emailOk = email !== null && ((upnOk && same(email, upn)) || orgListsDomainOf(org, email));
  const proven: string[] = [];
  if (emailOk) proven.push(email);
  if (upnOk && !(emailOk && same(email, upn))) proven.push(upn);
  return { proven, unproven: email !== null && !emailOk ? email : null };
}
