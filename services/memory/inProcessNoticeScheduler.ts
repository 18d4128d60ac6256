/**
 * Notices on timers inside the bot process, for the embedded store: same
 * interface and dedupe as the BullMQ scheduler; pending notices are lost on
 * restart, like everything else in the embedded store. Works under sinon fake
 * timers (it only uses setTimeout and the injected clock).
 */
import { Clock, startOfUtcDay, systemClock } from '../clock';
import { DueNoticeHandler, NoticeIdentity, NoticeScheduler, noticeJobId, RetryLaterError, ScheduleResult } from '../notices/noticeScheduler';
import { DueNotice, NoticeRequest } from '../notices/types';
import { PersonNotices } from '../privacy/personNotices';

/** setTimeout overflows past 2^31-1 ms (24.8 days); longer waits are re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Pending {
  notice: DueNotice;
  timer: ReturnType<typeof setTimeout> | null;
  attempts: number;
}

export interface InProcessSchedulerOptions {
  clock?: Clock;
  /** Tries per notice before it is given up (default 10). */
  maxAttempts?: number;
  /** Wait before retrying a handler that failed without saying when (default 30 s). */
  retryDelayMs?: number;
  onError?: (err: unknown, notice: DueNotice) => void;
}

export class InProcessNoticeScheduler implements NoticeScheduler, PersonNotices {
  private readonly pending = new Map<string, Pending>();
  private handler: DueNoticeHandler | null = null;
  private readonly clock: Clock;
  private stopped = false;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly opts: InProcessSchedulerOptions = {}) {
    this.clock = opts.clock ?? systemClock;
  }

  async schedule(request: NoticeRequest): Promise<ScheduleResult> {
    const notice: DueNotice = { ...request, dueAt: startOfUtcDay(request.dueAt), scheduledAt: this.clock.now() };
    const id = noticeJobId(notice);
    if (this.pending.has(id)) return 'alreadyScheduled';
    const entry: Pending = { notice, timer: null, attempts: 0 };
    this.pending.set(id, entry);
    this.arm(id, entry, notice.dueAt.getTime());
    return 'scheduled';
  }

  async cancel(n: NoticeIdentity): Promise<boolean> {
    const id = noticeJobId({ ...n, dueAt: startOfUtcDay(n.dueAt) });
    const entry = this.pending.get(id);
    if (!entry) return false;
    if (entry.timer) clearTimeout(entry.timer);
    this.pending.delete(id);
    return true;
  }

  async pendingFor(tenantId: string, userId: string): Promise<DueNotice[]> {
    return [...this.pending.values()].filter((e) => samePerson(e.notice, tenantId, userId)).map((e) => ({ ...e.notice }));
  }

  async cancelAllFor(tenantId: string, userId: string): Promise<number> {
    let n = 0;
    for (const entry of [...this.pending.values()]) if (samePerson(entry.notice, tenantId, userId) && (await this.cancel(entry.notice))) n++;
    return n;
  }

  /** Starts handing due notices to `handler` (the worker). Notices already due fire at once. */
  start(handler: DueNoticeHandler): void {
    this.handler = handler;
    for (const [id, entry] of this.pending) if (!entry.timer) this.arm(id, entry, entry.notice.dueAt.getTime());
  }

  /** Stops the timers and waits for notices being handled right now. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.pending.values()) if (entry.timer) clearTimeout(entry.timer);
    await Promise.all([...this.running]);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private arm(id: string, entry: Pending, at: number): void {
    if (this.stopped || !this.handler) return;
    const wait = Math.max(0, at - this.clock.now().getTime());
    entry.timer = setTimeout(
      () => {
        entry.timer = null;
        if (at > this.clock.now().getTime()) this.arm(id, entry, at);
        else this.fire(id, entry);
      },
      Math.min(wait, MAX_TIMER_MS),
    );
  }

  private fire(id: string, entry: Pending): void {
    const handler = this.handler;
    if (!handler || this.pending.get(id) !== entry) return;
    entry.attempts++;
    const run = handler(entry.notice).then(
      () => {
        if (this.pending.get(id) === entry) this.pending.delete(id);
      },
      (err: unknown) => {
        const max = this.opts.maxAttempts ?? 10;
        if (entry.attempts >= max || this.pending.get(id) !== entry) {
          this.pending.delete(id);
          this.opts.onError?.(err, entry.notice);
          return;
        }
        const delay = err instanceof RetryLaterError ? err.afterMs : (this.opts.retryDelayMs ?? 30_000);
        this.arm(id, entry, this.clock.now().getTime() + delay);
      },
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }
}

function samePerson(n: DueNotice, tenantId: string, userId: string): boolean {
  return n.userId === userId && n.tenantId.toLowerCase() === tenantId.toLowerCase();
}
