/**
 * One call of the Teams member API, GET {serviceUrl}/v3/conversations/{id}/members/{userId},
 * through connectorHttp (straight, signed by the turn's credentials) rather than an SDK's
 * generic pipeline: the link turn looks up a new person every time. The address rules are
 * TeamsInfo's: a channel in a team asks the team.
 */
import type { ChannelActivity, TeamsMember } from '../turn';
import { connectorRequest, connectorUrl, isThrottled, retryAfterMs, SignRequest } from './connectorHttp';

export interface MemberApiOptions {
  /** Give up on one request after this long (default 5000 ms). */
  timeoutMs?: number;
  /** A 429 or 503 is tried once more after its Retry-After, if that is at most this long (default 1000 ms). */
  maxRetryAfterMs?: number;
}

const MAX_BODY_BYTES = 64 * 1024;

/** The member, or null when Teams has no such member, refuses, or does not answer in time: never a throw. */
export async function getTeamsMember(a: ChannelActivity, sign: SignRequest, userId: string, options: MemberApiOptions = {}): Promise<TeamsMember | null> {
  const team = (a.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  const conversationId = typeof team === 'string' ? team : a.conversation?.id;
  if (!conversationId || !userId) return null;
  const url = connectorUrl(a.serviceUrl, `v3/conversations/${encodeURIComponent(conversationId)}/members/${encodeURIComponent(userId)}`);
  if (!url) return null;
  const headers: Record<string, string> = { accept: 'application/json' };
  try {
    await sign(headers);
  } catch {
    return null; // no token, no call
  }
  const timeoutMs = options.timeoutMs ?? 5000;
  let outcome = await get(url, headers, timeoutMs);
  if ('retryAfterMs' in outcome && outcome.retryAfterMs <= (options.maxRetryAfterMs ?? 1000)) {
    const waitMs = outcome.retryAfterMs;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    outcome = await get(url, headers, timeoutMs);
  }
  return 'member' in outcome ? outcome.member : null;
}

type Outcome = { member: TeamsMember | null } | { retryAfterMs: number };

async function get(url: URL, headers: Record<string, string>, timeoutMs: number): Promise<Outcome> {
  try {
    const res = await connectorRequest({ method: 'GET', url, headers, timeoutMs, maxBodyBytes: MAX_BODY_BYTES });
    if (isThrottled(res)) return { retryAfterMs: retryAfterMs(res) ?? 500 };
    return { member: res.status === 200 && !res.truncated ? parseMember(res.body) : null };
  } catch {
    return { member: null };
  }
}

function parseMember(body: string): TeamsMember | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as TeamsMember) : null;
  } catch {
    return null;
  }
}
