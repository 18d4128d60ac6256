/**
 * Shape checks on an incoming Bot Framework activity before it reaches the adapter.
 *
 * botbuilder itself only insists on `type`; anything else missing surfaces later as a
 * TypeError deep inside a turn (and a 500). Checking here turns bad input into a 400 with
 * a reason a developer can act on. Reasons are plain English and never echo field values
 * (they may hold user text).
 */
import type { ChannelActivity } from '../runtime/turn';

/** An activity that passed the checks: these fields are there, as strings. */
export type CheckedActivity = ChannelActivity & { type: string; id?: string; conversation: { id: string } };

/** Upper bounds on field lengths. Teams' own ids are well under these. */
export const ACTIVITY_LIMITS = {
  typeChars: 64,
  idChars: 1024,
  channelIdChars: 64,
  serviceUrlChars: 2048,
  invokeNameChars: 256,
  /** Commands to this bot are short; a long paste is refused rather than parsed. */
  textChars: 10_000,
} as const;

export type ActivityValidation = { ok: true; activity: CheckedActivity } | { ok: false; reason: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a reason when `value` is not a non-empty string of at most `max` characters. */
function checkString(value: unknown, field: string, max: number): string | null {
  if (typeof value !== 'string') return `${field} must be a string`;
  if (value.trim() === '') return `${field} must not be empty`;
  if (value.length > max) return `${field} is longer than ${max} characters`;
  return null;
}

/** Optional fields botbuilder copies into every reply: the connector client refuses to send a reply whose copy has the wrong type. */
function checkOptional(owner: Json, fields: readonly string[], where: string, type: 'string' | 'boolean'): string | null {
  for (const field of fields) {
    const value = owner[field];
    if (value !== undefined && value !== null && typeof value !== type) return `${where}${field} must be a ${type}`;
  }
  return null;
}

function checkAccount(body: Json, field: 'from' | 'recipient', required: boolean): string | null {
  const account = body[field];
  if (account === undefined && !required) return null;
  if (!isObject(account)) return `${field} must be an object with an id`;
  return checkString(account.id, `${field}.id`, ACTIVITY_LIMITS.idChars) ?? checkOptional(account, ['name', 'aadObjectId', 'role'], `${field}.`, 'string');
}

function checkServiceUrl(value: unknown): string | null {
  const problem = checkString(value, 'serviceUrl', ACTIVITY_LIMITS.serviceUrlChars);
  if (problem) return problem;
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    return 'serviceUrl must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'serviceUrl must be an http or https URL';
  return null;
}

/** A channel id names a channel ("msteams", "emulator", "webchat"); it also ends up in storage keys, so nothing else is taken. */
function checkChannelId(value: unknown): string | null {
  const problem = checkString(value, 'channelId', ACTIVITY_LIMITS.channelIdChars);
  if (problem) return problem;
  return /^[A-Za-z0-9._-]+$/.test(value as string) ? null : 'channelId may hold only letters, digits, dots, dashes and underscores';
}

/**
 * The conversation id travels in a header of every reply (x-ms-conversation-id), where Node refuses
 * control characters and anything beyond Latin-1: such an id would fail the turn at its first reply.
 * Teams' ids are plain ASCII.
 */
function checkConversationId(value: unknown): string | null {
  const problem = checkString(value, 'conversation.id', ACTIVITY_LIMITS.idChars);
  if (problem) return problem;
  return /^[\x20-\x7e\x80-\xff]+$/.test(value as string) ? null : 'conversation.id must not hold control characters or characters beyond Latin-1';
}

function checkTypeSpecific(body: Json): string | null {
  if (body.type === 'message' && body.text !== undefined && body.text !== null) {
    if (typeof body.text !== 'string') return 'text must be a string';
    if (body.text.length > ACTIVITY_LIMITS.textChars) {
      return `text is longer than ${ACTIVITY_LIMITS.textChars} characters`;
    }
  }
  if (body.type === 'conversationUpdate') {
    // The welcome and the uninstall read who joined or left: a list of accounts.
    for (const field of ['membersAdded', 'membersRemoved'] as const) {
      const members = body[field];
      if (members === undefined || members === null) continue;
      if (!Array.isArray(members) || !members.every((m) => isObject(m) && typeof m.id === 'string')) return `${field} must be a list of accounts with an id`;
    }
  }
  if (body.type === 'invoke') {
    return checkString(body.name, 'name (required for invoke activities)', ACTIVITY_LIMITS.invokeNameChars);
  }
  return null;
}

export function validateActivity(body: unknown): ActivityValidation {
  if (!isObject(body)) return { ok: false, reason: 'The request body must be a JSON object (an activity)' };

  const conversation = body.conversation;
  const problem =
    checkString(body.type, 'type', ACTIVITY_LIMITS.typeChars) ??
    checkServiceUrl(body.serviceUrl) ??
    checkChannelId(body.channelId) ??
    (isObject(conversation)
      ? (checkConversationId(conversation.id) ??
        checkOptional(conversation, ['name', 'conversationType', 'tenantId', 'aadObjectId', 'role'], 'conversation.', 'string') ??
        checkOptional(conversation, ['isGroup'], 'conversation.', 'boolean'))
      : 'conversation must be an object with an id') ??
    checkOptional(body, ['locale'], '', 'string') ??
    checkAccount(body, 'from', true) ??
    checkAccount(body, 'recipient', false) ??
    (body.id === undefined ? null : checkString(body.id, 'id', ACTIVITY_LIMITS.idChars)) ??
    (body.replyToId === undefined ? null : checkString(body.replyToId, 'replyToId', ACTIVITY_LIMITS.idChars)) ??
    checkTypeSpecific(body);

  if (problem) return { ok: false, reason: problem };
  // The checks above cover every field the HTTP layer and the adapter rely on; the rest of
  // the Activity shape is optional and read defensively by the handlers.
  return { ok: true, activity: body as unknown as CheckedActivity };
}
