/**
 * Loads restify 11 without the warning it printed on every start:
 * "[DEP0111] DeprecationWarning: Access to process.binding('http_parser') is deprecated", twice.
 *
 * restify/lib/server.js requires spdy when it loads, for SPDY servers (options.spdy), which
 * CertLink never creates; spdy 4.0.2 requires http-deceiver 1.2.7, whose first lines call
 * process.binding('http_parser'), deprecated since Node 10. Neither has had a release since 2020
 * and 2016; restify 12 loads spdy only on demand but needs Node 22. Until CertLink moves there,
 * DEP0111 is dropped while restify loads, and only then: any other warning, and DEP0111 from
 * anything loaded later, is printed as before. server.ts imports this module before 'restify'.
 */
export function loadWithoutWarning<T>(code: string, load: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
    const options = rest[0];
    const warningCode = typeof options === 'object' && options !== null ? (options as { code?: unknown }).code : rest[1];
    if (warningCode === code) return;
    return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return load();
  } finally {
    process.emitWarning = emitWarning;
  }
}

// A synchronous require: the warning is emitted while the module loads, inside this call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
loadWithoutWarning('DEP0111', () => require('restify') as unknown);
