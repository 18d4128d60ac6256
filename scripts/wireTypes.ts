/**
 * The Bot Framework wire format as tools, tests and the bench send and read it: plain JSON types,
 * so tools outside bot/runtime/ never import the SDK.
 */
import type { TeamsMember } from '../bot/runtime/turn';

export interface WireAttachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

export interface WireCardAction {
  type?: string;
  title?: string;
  value?: unknown;
}

/** An activity the bot sent, as JSON: the fields tools read are typed, the rest stay unknown. */
export interface WireActivity {
  type?: string;
  id?: string;
  text?: string;
  textFormat?: string;
  locale?: string;
  replyToId?: string;
  summary?: string;
  attachments?: WireAttachment[];
  attachmentLayout?: string;
  suggestedActions?: { actions: WireCardAction[]; to?: string[] };
  conversation?: { id?: string; name?: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  from?: { id?: string; name?: string; aadObjectId?: string };
  recipient?: { id?: string; name?: string; aadObjectId?: string };
  channelData?: unknown;
  entities?: Record<string, unknown>[];
  value?: unknown;
  [field: string]: unknown;
}

/** A Teams member as the connector's member APIs return it. */
export interface WireMember extends TeamsMember {
  givenName?: string;
  surname?: string;
}
