/**
 * GET /metrics (Prometheus text) on a listener of its own, apart from the public port that
 * Teams and browsers reach: bound to 127.0.0.1 by default (METRICS_HOST, METRICS_PORT), so only
 * the host itself (or a sidecar) can scrape it. Bound anywhere else it requires the bearer token
 * METRICS_TOKEN (bot/config/metrics.ts refuses to start without one). Plain node:http: two answers
 * (the metrics, or 401/404) need no framework.
 */
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotMetrics } from '../metrics/botMetrics';

export const METRICS_PATH = '/metrics';

export interface MetricsListenerOptions {
  host: string;
  port: number;
  /** When set, a scrape must send "Authorization: Bearer <token>". */
  token: string | null;
}

export interface MetricsListener {
  /** The bound port (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '', 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function plain(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

export function startMetricsListener(metrics: BotMetrics, opts: MetricsListenerOptions): Promise<MetricsListener> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== METRICS_PATH) return plain(res, 404, 'Not found: this listener serves GET /metrics only.');
    if (opts.token && !bearerMatches(req.headers.authorization, opts.token)) return plain(res, 401, 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".', { 'WWW-Authenticate': 'Bearer' });
    metrics.text().then(
      (body) => {
        res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
        res.end(body);
      },
      () => plain(res, 500, 'The metrics could not be collected.'),
    );
  });
  // Scrapers keep connections open between scrapes: they must not hold a stopping process.
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.removeListener('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
