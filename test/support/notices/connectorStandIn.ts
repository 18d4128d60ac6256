/**
 * A local stand-in for the Teams connector's "send to conversation" route
 * (POST /v3/conversations/{id}/activities), enough to test and bench proactive
 * delivery: scripted answers per conversation (429 with Retry-After, 5xx), 403
 * for removed people, an optional per-tenant ceiling like Teams' 50/s, and a
 * gate that holds requests open so a test can kill the sender mid-send.
 *
 * A message counts as delivered only when its 201 was written to a socket that
 * was still open: a sender killed while waiting is not told it was delivered,
 * and here it was not (the real connector gives no such guarantee; see
 * services/notices/noticeLedger.ts for the window that leaves).
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  retryAfterSeconds?: number;
}

export interface StandInOptions {
  /** Answers given, in order, to the first requests for a conversation; 201 afterwards. */
  script?: Record<string, ScriptedAnswer[]>;
  /** Conversations of people who removed the app: 403 forever. */
  removed?: Iterable<string>;
  /** Accepted sends per tenant in any trailing second; over it: 429 Retry-After 1. */
  tenantCeilingPerSecond?: number;
  /** Keep the posted activities (tests); the bench keeps only counts. */
  keepActivities?: boolean;
}

export interface Delivery {
  conversationId: string;
  tenantId: string;
  at: number;
  activity?: Record<string, unknown>;
}

export interface Attempt {
  conversationId: string;
  tenantId: string;
  at: number;
  status: number;
}

export class ConnectorStandIn {
  readonly deliveries: Delivery[] = [];
  readonly attempts: Attempt[] = [];
  private readonly server: http.Server;
  private readonly script = new Map<string, ScriptedAnswer[]>();
  private readonly removed: Set<string>;
  private readonly accepted = new Map<string, number[]>();
  private holding: { afterDeliveries: number } | null = null;
  private readonly held: Array<() => void> = [];
  private heldWaiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(private readonly opts: StandInOptions = {}) {
    for (const [conv, answers] of Object.entries(opts.script ?? {})) this.script.set(conv, [...answers]);
    this.removed = new Set(opts.removed ?? []);
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** After `afterDeliveries` deliveries in total, hold every request open until releaseHeld(). */
  holdAfter(afterDeliveries: number): void {
    this.holding = { afterDeliveries };
  }

  /** Resolves once at least `count` requests are being held. */
  whenHolding(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push({ count, resolve }));
  }

  get heldCount(): number {
    return this.held.length;
  }

  releaseHeld(): void {
    this.holding = null;
    for (const go of this.held.splice(0)) go();
  }

  setRemoved(conversationId: string): void {
    this.removed.add(conversationId);
  }

  /** conversationId -> number of deliveries. */
  deliveryCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of this.deliveries) counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
    return counts;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const match = /^\/v3\/conversations\/([^/]+)\/activities\/?$/.exec((req.url ?? '').split('?')[0]);
    if (req.method !== 'POST' || !match) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const conversationId = decodeURIComponent(match[1]);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let activity: Record<string, unknown>;
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.statusCode = 400;
        res.end();
        return;
      }
      const go = () => this.answer(conversationId, activity, req, res);
      if (this.holding && this.deliveries.length >= this.holding.afterDeliveries) {
        this.held.push(go);
        // A sender that dies while held takes its request with it.
        res.once('close', () => {
          const i = this.held.indexOf(go);
          if (i >= 0 && !res.writableEnded) this.held.splice(i, 1);
        });
        const ready = this.heldWaiters.filter((w) => this.held.length >= w.count);
        this.heldWaiters = this.heldWaiters.filter((w) => this.held.length < w.count);
        for (const w of ready) w.resolve();
      } else go();
    });
  }

  private answer(conversationId: string, activity: Record<string, unknown>, req: http.IncomingMessage, res: http.ServerResponse): void {
    if (res.destroyed || req.socket.destroyed) return; // the sender went away while held: not delivered
    const tenantId = tenantOf(activity);
    const now = Date.now();
    const reply = (status: number, headers: Record<string, string> = {}, body = '{}') => {
      this.attempts.push({ conversationId, tenantId, at: now, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    if (this.removed.has(conversationId)) return reply(403, {}, '{"error":{"code":"Forbidden","message":"removed"}}');
    const scripted = this.script.get(conversationId)?.shift();
    if (scripted && scripted.status >= 300) {
      const headers: Record<string, string> = scripted.retryAfterSeconds !== undefined ? { 'retry-after': String(scripted.retryAfterSeconds) } : {};
      return reply(scripted.status, headers, '{"error":{"code":"Scripted"}}');
    }
    const ceiling = this.opts.tenantCeilingPerSecond;
    if (ceiling !== undefined) {
      const times = this.accepted.get(tenantId) ?? [];
      while (times.length && times[0] <= now - 1000) times.shift();
      if (times.length >= ceiling) return reply(429, { 'retry-after': '1' }, '{"error":{"code":"Throttled"}}');
      times.push(now);
      this.accepted.set(tenantId, times);
    }
    this.deliveries.push({ conversationId, tenantId, at: now, activity: this.opts.keepActivities ? activity : undefined });
    reply(201, {}, JSON.stringify({ id: `activity-${this.deliveries.length}` }));
  }
}

function tenantOf(activity: Record<string, unknown>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  const conversation = activity.conversation as { tenantId?: string } | undefined;
  return channelData?.tenant?.id ?? conversation?.tenantId ?? 'unknown';
}

/** The largest number of deliveries any tenant had in any 1-second window [t, t+1000). */
export function maxPerTenantPerSecond(deliveries: Pick<Delivery, 'tenantId' | 'at'>[]): Map<string, number> {
  const byTenant = new Map<string, number[]>();
  for (const d of deliveries) {
    const list = byTenant.get(d.tenantId) ?? [];
    list.push(d.at);
    byTenant.set(d.tenantId, list);
  }
  const result = new Map<string, number>();
  for (const [tenant, times] of byTenant) {
    times.sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] >= 1000) j++;
      best = Math.max(best, i - j + 1);
    }
    result.set(tenant, best);
  }
  return result;
}
