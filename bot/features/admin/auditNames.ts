/**
 * Names for the audit card, shown only in a personal chat: CertLink keeps personal data out of
 * shared conversations, so a channel or group chat sees the ids the log holds.
 *
 * The log stores ids, never names. For an entry about a person's own link (link, switch, unlink,
 * takeover, or their removal by an admin), their name comes from the profile of the entry's MCID,
 * as the report shows it; the admin asking is named as Teams names them in their own message
 * (from.name). Anyone else, and every pseudonymized entry, keeps its id.
 */
import type { AuditEntry } from '../../../services/audit/auditLog';
import type { ProfileStore } from '../../../services/directory/profileStore';
import type { HandlerContext } from '../feature';

/** Profiles read per card at most: the card shows 20 entries. */
const MAX_PROFILES = 20;

/** Whose MCID the entry is about, as a user id. */
function personOf(entry: AuditEntry): string | undefined {
  switch (entry.action) {
    case 'link':
    case 'switchIn':
    case 'switchOut':
    case 'unlink':
    case 'takeover':
      return entry.actorUserId;
    case 'removedByAdmin':
      return entry.targetUserId;
    default:
      return undefined;
  }
}

export async function auditNames(hc: HandlerContext, profileStore: Pick<ProfileStore, 'get'>, entries: readonly AuditEntry[]): Promise<Map<string, string>> {
  if (hc.info.conversationType !== 'personal') return new Map();
  const about = new Map<string, string>(); // MCID → user id
  for (const entry of entries) {
    const person = personOf(entry);
    if (entry.mcid && person && !about.has(entry.mcid) && about.size < MAX_PROFILES) about.set(entry.mcid, person);
  }
  const profiles = await Promise.all([...about.keys()].map((mcid) => profileStore.get(mcid).catch(() => null)));
  const names = new Map<string, string>();
  [...about.values()].forEach((userId, i) => {
    const profile = profiles[i];
    const name = profile ? `${profile.firstName} ${profile.lastName}`.trim() : '';
    if (name && !names.has(userId)) names.set(userId, name);
  });
  const asker = hc.turn.activity.from?.name?.trim();
  if (asker) names.set(hc.info.userId, asker);
  return names;
}
