/**
 * Who an activity is from, taken only from what Teams proves. The channel token proves the Bot
 * Connector sent the activity, and the connector sets `channelId`; on Teams it also sets
 * `from.aadObjectId` and `conversation.tenantId` from the signed-in account. On other channels
 * of the same bot registration (Direct Line, Web Chat) the client chooses `from.id` and
 * `channelData`, so nothing there can name a person: such activities are refused.
 */

/** The channels CertLink serves: Teams, and the Bot Framework Emulator when the setting allows it (local mode only). */
export type ServedChannels = ReadonlySet<string>;

export const TEAMS_ONLY: ServedChannels = new Set(['msteams']);

export type TeamsIdentity = { ok: true; userId: string; tenantId: string } | { ok: false; reason: string };

interface ActivityFields {
  channelId?: unknown;
  from?: { aadObjectId?: unknown } | null;
  conversation?: { tenantId?: unknown } | null;
  channelData?: unknown;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The Entra object id and tenant of the person, or why the activity is refused (plain English, no field values). */
export function teamsIdentity(activity: ActivityFields, channels: ServedChannels = TEAMS_ONLY): TeamsIdentity {
  const channelId = text(activity.channelId);
  if (!channelId || !channels.has(channelId)) return { ok: false, reason: 'CertLink serves Microsoft Teams only (channelId must be msteams)' };
  const userId = text(activity.from?.aadObjectId);
  if (!userId) return { ok: false, reason: 'from.aadObjectId is required: Teams names every person by their Entra object id' };
  const tenantId = text(activity.conversation?.tenantId);
  if (!tenantId) return { ok: false, reason: 'conversation.tenantId is required' };
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | null | undefined)?.tenant?.id;
  if (channelTenant !== undefined && channelTenant !== null && (typeof channelTenant !== 'string' || channelTenant.toLowerCase() !== tenantId.toLowerCase())) {
    return { ok: false, reason: 'channelData.tenant.id differs from conversation.tenantId' };
  }
  return { ok: true, userId, tenantId };
}

/** For the HTTP route (server.ts `refuse`): the reason an activity is refused, or null. */
export function refuseUnprovenIdentity(channels: ServedChannels = TEAMS_ONLY): (activity: ActivityFields) => string | null {
  return (activity) => {
    const identity = teamsIdentity(activity, channels);
    return identity.ok ? null : identity.reason;
  };
}
