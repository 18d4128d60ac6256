/** Loggable summary of an error with no personal data: never the request or response objects. */
export interface ErrorSummary {
  type: string;
  message: string;
  statusCode?: number;
  stack?: string;
}

/**
 * Errors from the connector client carry the outgoing request (with the user's text) and
 * the response; pino's default serializer would log all of it. Keep the class, a short
 * message and the stack frames only.
 */
export function summarizeError(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-Error value thrown' };
  const withStatus = error as Error & { statusCode?: unknown };
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 15)
    .join('\n');
  return {
    type: error.name,
    message: error.message.slice(0, 200),
    ...(typeof withStatus.statusCode === 'number' ? { statusCode: withStatus.statusCode } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}
