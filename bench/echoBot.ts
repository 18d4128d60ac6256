/**
 * The baseline bot for `npm run bench`: echoes every message on the same stack as CertLink
 * (config, CloudAdapter from createCloudAdapter, restify from createHttpServer), so the bench's
 * ratios isolate the cost of CertLink's own logic. Listens on PORT (127.0.0.1).
 */
import pino from 'pino';
import { ActivityHandler } from 'botbuilder';
import { loadConfig } from '../bot/config';
import { createCloudAdapter } from '../bot/http/adapterFactory';
import { createHttpServer, listen } from '../bot/http/server';

export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const adapter = createCloudAdapter(config, log);
  const server = createHttpServer({
    adapter,
    bot: new EchoBot(),
    health: { kind: 'memory', ping: async () => true },
    log,
  });
  const port = await listen(server, config.port, '127.0.0.1');
  log.info({ port }, 'echo bot listening');
  const stop = (): void => {
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
