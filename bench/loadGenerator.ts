/**
 * Drives N concurrent conversations against a bot URL. Each conversation posts one activity,
 * waits until its reply (or replies) arrive at the connector stand-in and the POST has been
 * answered, then posts the next: closed-loop load, like N people chatting at once.
 *
 * Latency is measured from the start of the POST to the arrival of the turn's last expected
 * reply at the connector, both on this process's clock. An invoke (a card click) is answered
 * in the HTTP response itself, as Teams expects: its turn ends with that response, and
 * checkReply sees `{ type: 'invokeResponse', value: <response body> }`.
 */
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { WireActivity } from '../scripts/wireTypes';
import { connectorRequest } from '../bot/runtime/connector/connectorHttp';
import type { FakeConnector, RecordedActivity } from '../scripts/connectorStandIn';

export interface LoadOptions {
  botUrl: string;
  connector: FakeConnector;
  /** Concurrent conversations. */
  conversations: number;
  /** Stop starting new turns after this long (default 5000 ms). */
  durationMs?: number;
  /** Or stop after this many turns in total (whichever comes first). */
  maxTurns?: number;
  /**
   * The activity for turn `seq` of conversation `conversationIndex`. Each conversation must
   * use its own conversation.id (replies are matched on it). serviceUrl is set by the harness.
   */
  makeActivity: (conversationIndex: number, seq: number) => WireActivity;
  /** Replies that complete one turn (default 1). */
  repliesPerTurn?: number;
  /** Optional check of each reply; a false answer counts the turn as an error. */
  checkReply?: (reply: WireActivity, conversationIndex: number, seq: number) => boolean;
  /** A turn whose replies have not all arrived by then counts as an error (default 10000 ms). */
  turnTimeoutMs?: number;
}

export interface LoadResult {
  /** Turns completed without error. */
  count: number;
  seconds: number;
  perSecond: number;
  /** Latency percentiles in milliseconds, over completed turns. */
  p50: number;
  p99: number;
  /** Every completed turn's latency (ms), sorted, so slices can be pooled. */
  latencies: number[];
  errors: number;
  /** First few error descriptions, for the report. */
  errorSamples: string[];
}

interface Waiter {
  needed: number;
  replies: RecordedActivity[];
  lastAt: number;
  resolve: () => void;
}

/** Larger than any answer a bot gives to an activity (an invoke's card); a longer one counts as an error. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export async function generateLoad(options: LoadOptions): Promise<LoadResult> {
  const durationMs = options.durationMs ?? 5000;
  const maxTurns = options.maxTurns ?? Number.POSITIVE_INFINITY;
  const repliesPerTurn = options.repliesPerTurn ?? 1;
  const turnTimeoutMs = options.turnTimeoutMs ?? 10_000;
  const endpoint = new URL(`${options.botUrl.replace(/\/$/, '')}/api/messages`);
  // One connection per conversation, kept between its turns as a channel keeps its own, and closed
  // at the end: none is left idle to be reused after the bot has dropped it.
  const agent = new Agent({ keepAlive: true, maxSockets: options.conversations });

  const waiters = new Map<string, Waiter>();
  const unsubscribe = options.connector.onReply((reply) => {
    const waiter = waiters.get(reply.conversationId);
    if (!waiter) return; // a late reply to a turn that already timed out
    waiter.replies.push(reply);
    if (waiter.replies.length >= waiter.needed) {
      waiter.lastAt = performance.now();
      waiter.resolve();
    }
  });

  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let started = 0;
  const fail = (message: string): void => {
    errors += 1;
    if (errorSamples.length < 5) errorSamples.push(message);
  };

  const begin = performance.now();
  const deadline = begin + durationMs;

  const runConversation = async (index: number): Promise<void> => {
    for (let seq = 0; performance.now() < deadline && started < maxTurns; seq++) {
      started += 1;
      const activity = { ...options.makeActivity(index, seq), serviceUrl: options.connector.url };
      const conversationId = activity.conversation?.id;
      if (!conversationId) throw new Error('makeActivity must set conversation.id');
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = { needed: repliesPerTurn, replies: [], lastAt: 0, resolve: () => undefined };
      const replied = new Promise<boolean>((resolve) => {
        waiter.resolve = () => resolve(true);
        timer = setTimeout(() => resolve(false), turnTimeoutMs);
      });
      waiters.set(conversationId, waiter);
      const t0 = performance.now();
      try {
        // The bot's own keep-alive request (connectorHttp), not fetch: on Node 20 fetch (undici, web
        // streams, an AbortSignal per request) cost this process about as much CPU per turn as the
        // echo bot itself, and the bench shares 2 cores with the bot it measures.
        const response = await connectorRequest({
          method: 'POST',
          url: endpoint,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
          timeoutMs: turnTimeoutMs,
          maxBodyBytes: MAX_RESPONSE_BYTES,
          agent,
        });
        const body = response.body;
        if (response.status !== 200 || response.truncated) {
          fail(`conversation ${index} turn ${seq}: HTTP ${response.status}${response.truncated ? `, an answer over ${MAX_RESPONSE_BYTES} bytes` : ''}`);
          continue;
        }
        if (activity.type === 'invoke') {
          const reply: WireActivity = { type: 'invokeResponse', value: body ? JSON.parse(body) : null };
          if (options.checkReply && !options.checkReply(reply, index, seq)) {
            fail(`conversation ${index} turn ${seq}: unexpected invoke response ${body.slice(0, 200)}`);
            continue;
          }
          latencies.push(performance.now() - t0);
          continue;
        }
        if (!(await replied)) {
          fail(`conversation ${index} turn ${seq}: ${waiter.replies.length}/${repliesPerTurn} replies within ${turnTimeoutMs} ms`);
          continue;
        }
        const bad = options.checkReply && waiter.replies.find((r) => !options.checkReply?.(r.activity, index, seq));
        if (bad) {
          fail(`conversation ${index} turn ${seq}: unexpected reply ${JSON.stringify(bad.activity.text ?? bad.activity.type)}`);
          continue;
        }
        latencies.push(waiter.lastAt - t0);
      } catch (err) {
        fail(`conversation ${index} turn ${seq}: ${(err as Error).message}`);
      } finally {
        clearTimeout(timer);
        waiters.delete(conversationId);
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: options.conversations }, (_, i) => runConversation(i)));
  } finally {
    unsubscribe();
    agent.destroy();
  }

  const seconds = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
    errors,
    errorSamples,
  };
}
