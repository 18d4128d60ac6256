/**
 * What botbuilder's CloudAdapter.process() does with an HTTP request once its zod checks pass,
 * for a body the route has already parsed and checked (bot/http/activityValidation): the same
 * statuses, the same timestamps turned into Dates, the same invoke response. DirectReplyAdapter
 * uses it, for the CPU the checks it skips would cost (docs/SCALING.md).
 *
 * One difference on purpose: botbuilder prints a refused request's error to the console; here
 * the route logs the refusal itself (without the error's text, which may quote the token).
 */
import type { Activity, InvokeResponse, Request, Response } from 'botbuilder';

/** processActivity of the adapter, with the turn's logic already bound. */
export type ProcessActivity = (authHeader: string, activity: Activity) => Promise<InvokeResponse | undefined>;

export async function processCheckedRequest(req: Request, res: Response, processActivity: ProcessActivity): Promise<void> {
  const end = (status: number, body?: unknown): void => {
    res.status(status);
    if (body) res.send(body);
    res.end();
  };
  if (req.method !== 'POST') return end(405);
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return end(400, '`req.body` not an object, make sure you are using middleware to parse incoming requests.');
  }
  const activity = withDates(body as Partial<Activity>);
  if (typeof activity.type !== 'string' || !activity.type) return end(400);
  const header = req.headers.authorization ?? req.headers.Authorization ?? '';
  // Node gives this header as one string; an array can only come from a hand-made request, and carries no token.
  const authHeader = typeof header === 'string' ? header : '';
  try {
    const invokeResponse = await processActivity(authHeader, activity as Activity);
    return end(invokeResponse?.status ?? 200, invokeResponse?.body);
  } catch (err) {
    // botbuilder's AuthenticationError (not re-exported by botbuilder) carries the status to answer.
    return end(isAuthenticationError(err) ? 401 : 500, (err as Error | null)?.message ?? err);
  }
}

/** botbuilder's validateAndFixActivity: timestamps arrive as strings and the SDK hands Dates to the turn, keeping the raw text. */
function withDates(activity: Partial<Activity>): Partial<Activity> {
  const raw = activity as Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = raw[field];
    if (typeof value === 'string') {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
}

function isAuthenticationError(err: unknown): boolean {
  return err instanceof Error && err.constructor.name === 'AuthenticationError';
}
