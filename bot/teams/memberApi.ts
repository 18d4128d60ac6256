/**
 * One call of the Teams member API, GET {serviceUrl}/v3/conversations/{id}/members/{userId},
 * made straight over a keep-alive connection and signed by the turn's own connector credentials.
 *
 * Why not TeamsInfo.getMember: it goes through the SDK's generic HTTP pipeline (a dozen
 * policies, a mapper-driven deserializer), which costs the bot about 150 µs of CPU per call,
 * as much as a whole reply; the link turn looks up a new person every time. What stays the
 * SDK's: the credentials (the same token, for the same audience, as the turn's replies) and
 * the address rules (a channel in a team asks the team, like TeamsInfo does).
 */
import http from 'node:http';
import https from 'node:https';
import type { TurnContext } from 'botbuilder';
import { parseRetryAfter } from '../proactive/connectorTransport';

/** The fields of a TeamsChannelAccount the bot reads. */
export interface TeamsMember {
  id?: string;
  aadObjectId?: string;
  /** Display name. */
  name?: string;
  email?: string;
  userPrincipalName?: string;
}

/** What the SDK's credentials accept to sign (botframework-connector's WebResourceLike, structurally). */
interface Signable {
  headers: { set(name: string, value: string): void };
}

interface TurnConnector {
  credentials?: { signRequest(request: Signable): Promise<unknown> };
}

export interface MemberApiOptions {
  /** Give up on one request after this long (default 5000 ms). */
  timeoutMs?: number;
  /** A 429 or 503 is tried once more after its Retry-After, if that is at most this long (default 1000 ms). */
  maxRetryAfterMs?: number;
}

const MAX_BODY_BYTES = 64 * 1024;
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** The member, or null when Teams has no such member, refuses, or does not answer in time: never a throw. */
export async function getTeamsMember(context: TurnContext, userId: string, options: MemberApiOptions = {}): Promise<TeamsMember | null> {
  const a = context.activity;
  const team = (a.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  const conversationId = typeof team === 'string' ? team : a.conversation?.id;
  if (!a.serviceUrl || !conversationId || !userId) return null;
  let url: URL;
  try {
    url = new URL(`${a.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/members/${encodeURIComponent(userId)}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const headers: Record<string, string> = { accept: 'application/json' };
  try {
    // The turn's connector client carries the bot's credentials; in local mode they sign nothing.
    const connector = context.turnState.get(context.adapter.ConnectorClientKey) as TurnConnector | undefined;
    await connector?.credentials?.signRequest({ headers: { set: (name, value) => (headers[name.toLowerCase()] = value) } });
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

function get(url: URL, headers: Record<string, string>, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: 'GET', headers, agent: agents[url.protocol as keyof typeof agents], timeout: timeoutMs }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 429 || status === 503) {
        res.resume();
        const seconds = parseRetryAfter(res.headers['retry-after']);
        resolve({ retryAfterMs: seconds === undefined ? 500 : seconds * 1000 });
        return;
      }
      if (status !== 200) {
        res.resume();
        resolve({ member: null });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          res.destroy();
          resolve({ member: null });
        } else chunks.push(chunk);
      });
      res.on('end', () => resolve({ member: parseMember(Buffer.concat(chunks).toString('utf8')) }));
      res.on('error', () => resolve({ member: null }));
    });
    req.on('timeout', () => req.destroy(new Error('member lookup timed out')));
    req.on('error', () => resolve({ member: null }));
    req.end();
  });
}

function parseMember(body: string): TeamsMember | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as TeamsMember) : null;
  } catch {
    return null;
  }
}
