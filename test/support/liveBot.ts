/**
 * Drives a running CertLink (in this process or a child) over its real HTTP
 * API, as Teams would: messages whose replies go to a connector stand-in, and
 * card clicks (Action.Execute invokes) answered in the HTTP response.
 */
import type { WireActivity } from '../../scripts/wireTypes';
import { FakeConnector } from './fakeConnector';

export interface Member {
  /** Teams user id (29:…) */
  id: string;
  aadObjectId: string;
  tenantId: string;
  email: string;
  name: string;
}

export interface Posted {
  status: number;
  json: unknown;
}

let seq = 0;

export function nextActivityId(tag = 'act'): string {
  seq += 1;
  return `${tag}-${process.pid}-${seq}`;
}

export function activityFrom(who: Member, serviceUrl: string, partial: WireActivity): WireActivity {
  return {
    id: nextActivityId(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
    recipient: { id: '28:certlink', name: 'CertLink' },
    conversation: { id: `a:personal-${who.aadObjectId}`, tenantId: who.tenantId, conversationType: 'personal', isGroup: false, name: '' },
    channelData: { tenant: { id: who.tenantId } },
    locale: 'en-US',
    ...partial,
  };
}

export async function postActivity(botUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<Posted> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

export function clickActivity(who: Member, serviceUrl: string, verb: string, cardId: string, id?: string): WireActivity {
  return activityFrom(who, serviceUrl, {
    ...(id ? { id } : {}),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { cardId } }, trigger: 'manual' },
  });
}

/**
 * Sends a message and returns the replies the bot posted for it. Replies are
 * matched on replyToId, so many messages can be in flight at once.
 */
export async function sendMessage(botUrl: string, connector: FakeConnector, who: Member, text: string, extra: WireActivity = {}): Promise<{ status: number; replies: WireActivity[] }> {
  const activity = activityFrom(who, connector.url, { type: 'message', text, ...extra });
  const res = await postActivity(botUrl, activity);
  const replies = connector.replies.filter((r) => r.replyToId === activity.id).map((r) => r.activity);
  return { status: res.status, replies };
}

export function membersOf(people: Member[]): { id: string; aadObjectId: string; email: string; userPrincipalName: string; name: string; tenantId: string }[] {
  return people.map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, email: p.email, userPrincipalName: p.email, name: p.name, tenantId: p.tenantId }));
}
