/**
 * The incoming activity as the Agents SDK's Activity. The SDK's schema refuses an empty string
 * where botbuilder takes it as absent (conversation.name '' in Teams' personal chats, for one);
 * CertLink reads the two the same way, so empty strings of the activity, its accounts and its
 * conversation are dropped before the schema sees them. Anything else the schema refuses is a
 * body the bot cannot read: null (the endpoint answers 400).
 */
import { Activity } from '@microsoft/agents-activity';

const NESTED = ['from', 'recipient', 'conversation'] as const;

export function readActivity(body: Record<string, unknown>): Activity | null {
  const copy = withoutEmptyStrings(body);
  for (const field of NESTED) {
    const value = copy[field];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) copy[field] = withoutEmptyStrings(value as Record<string, unknown>);
  }
  try {
    return Activity.fromObject(copy);
  } catch {
    return null;
  }
}

function withoutEmptyStrings(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) if (value !== '') out[key] = value;
  return out;
}
