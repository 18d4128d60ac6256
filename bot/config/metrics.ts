import { ConfigError, Env, int, str } from './parse';

/** GET /metrics on a listener of its own (bot/http/metricsListener.ts), never on the public port. */
export interface MetricsConfig {
  /** Address it binds (METRICS_HOST, default 127.0.0.1: the host itself only). */
  host: string;
  /** Its port (METRICS_PORT, default 9464; 0 = any free port). */
  port: number;
  /** True when METRICS_PORT was set: a port already taken then stops the bot instead of a warning. */
  portExplicit: boolean;
  /** Bearer token a scrape must send (METRICS_TOKEN); required when the host is not a loopback address. */
  token: string | null;
}

/** Port of the metrics listener when METRICS_PORT is unset (the usual port of a Prometheus exporter). */
export const DEFAULT_METRICS_PORT = 9464;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * /metrics tells anyone who reads it how busy each feature is and how the store behaves: served
 * to the host itself by default, and beyond it only with a token.
 */
export function metricsSettings(env: Env): MetricsConfig {
  const host = str(env, 'METRICS_HOST', '127.0.0.1') || '127.0.0.1';
  const token = str(env, 'METRICS_TOKEN');
  if (token && token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  if (!token && !LOOPBACK.has(host.toLowerCase())) {
    throw new ConfigError(`METRICS_TOKEN is required when METRICS_HOST is not a loopback address (got "${host}"): anyone who can reach that address could read /metrics`);
  }
  return { host, port: int(env, 'METRICS_PORT', DEFAULT_METRICS_PORT, 0, 65535), portExplicit: str(env, 'METRICS_PORT') !== '', token: token || null };
}
