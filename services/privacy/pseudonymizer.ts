/**
 * Keyed hashes (HMAC-SHA256) that stand in for a person's MCID and user id
 * once their data is erased. Keyed, not plain: MCIDs are short digit strings,
 * so an unkeyed hash could be reversed by trying every MCID. Without the
 * secret (PRIVACY_HASH_SECRET) nobody can tell which MCID a hash stands for;
 * with it, the same MCID always gives the same hash, which is what lets the
 * abuse limits (R3) still recognise an erased MCID that is linked again.
 */
import { createHmac, createSecretKey, KeyObject } from 'node:crypto';

export type PseudonymKind = 'mcid' | 'user';

/** Pseudonyms start with this, so a reader of an audit entry sees at once it is not a real id. */
export const PSEUDONYM_PREFIX = 'erased:';

export class Pseudonymizer {
  /** The key is prepared once: a link turn hashes its MCID to look up erased starts. */
  private readonly key: KeyObject;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error('The privacy hash secret must be at least 16 characters');
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** Domain-separated, so an MCID and a user id that happen to be equal never share a pseudonym. */
  hash(kind: PseudonymKind, value: string): string {
    const digest = createHmac('sha256', this.key).update(`certlink-privacy-v1|${kind}|${value}`).digest('base64url');
    return `${PSEUDONYM_PREFIX}${digest.slice(0, 32)}`;
  }

  mcid(mcid: string): string {
    return this.hash('mcid', mcid.trim());
  }

  user(userId: string): string {
    return this.hash('user', userId);
  }
}

export function isPseudonym(value: string | undefined): boolean {
  return typeof value === 'string' && value.startsWith(PSEUDONYM_PREFIX);
}
