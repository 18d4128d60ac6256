/**
 * The baseline bot for `npm run bench`: echoes every message on botbuilder's plain CloudAdapter
 * (createCloudAdapter) and CertLink's restify server (createHttpServer). Listens on PORT (127.0.0.1).
 *
 * The reference row runs the same bot with BENCH_ECHO_REDIS_READS sequential Redis reads before
 * its reply, and BENCH_ECHO_CARD=1 to reply with a status card: what any turn that must read
 * Redis that many times one after another costs on this stack, before any logic of its own.
 */
import pino from 'pino';
import { ActivityHandler, CardFactory, MessageFactory } from 'botbuilder';
import { statementCard } from '../cards/cardModels';
import { loadConfig } from '../bot/config';
import { createCertLinkAdapter, createCloudAdapter } from '../bot/runtime/botbuilder/authentication';
import { createHttpServer, listen } from '../bot/http/server';
import { messagesEndpoint } from '../bot/runtime/botbuilder/messagesEndpoint';
import { createRedis, RedisClient } from '../services/redis/redisConnection';
import { applyRuntimeTuning } from '../bot/runtimeTuning';

export interface EchoOptions {
  /** Read this many keys one after another (each waits for the last) before replying. */
  redis?: { client: RedisClient; reads: number };
  /** Reply with a status-like card instead of text. */
  card?: boolean;
}

export class EchoBot extends ActivityHandler {
  constructor(options: EchoOptions = {}) {
    super();
    this.onMessage(async (context, next) => {
      const text = `echo: ${context.activity.text ?? ''}`;
      for (let i = 0; options.redis && i < options.redis.reads; i++) await options.redis.client.get(`bench:echo:${context.activity.conversation.id}:${i}`);
      if (options.card) {
        const card = statementCard({ title: 'Your certification link', lines: [text, 'Associations used: 0 of 3', 'You can link now.'], notes: ['No associations in the last 365 days'] });
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
      } else {
        await context.sendActivity(text);
      }
      await next();
    });
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  // The baseline runs with the same V8 settings as CertLink's bot, so the two rows differ only by the bot.
  applyRuntimeTuning(config);
  const log = pino({ level: config.logLevel });
  // BENCH_ECHO_ADAPTER=certlink: the same bot on CertLink's adapter (bench/scenarios.ts says why).
  const adapter = process.env.BENCH_ECHO_ADAPTER === 'certlink' ? createCertLinkAdapter(config, log) : createCloudAdapter(config, log);
  const reads = Number(process.env.BENCH_ECHO_REDIS_READS ?? 0);
  if (reads > 0 && !config.redisUrl) throw new Error('BENCH_ECHO_REDIS_READS needs REDIS_URL');
  const redis = reads > 0 && config.redisUrl ? createRedis(config.redisUrl) : null;
  const bot = new EchoBot({ redis: redis ? { client: redis, reads } : undefined, card: process.env.BENCH_ECHO_CARD === '1' });
  const server = createHttpServer({
    endpoint: messagesEndpoint({ adapter, logic: (context) => bot.run(context), log }),
    health: { kind: 'memory', ping: async () => true },
    log,
  });
  const port = await listen(server, config.port, '127.0.0.1');
  log.info({ port }, 'echo bot listening');
  const stop = (): void => {
    redis?.disconnect();
    server.close(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
