/**
 * Starts a real bot HTTP server (createHttpServer on port 0) against a fake connector, for
 * end-to-end tests of the HTTP layer and of anything built on it.
 */
import pino, { Logger } from 'pino';
import type restify from 'restify';
import { Activity, ActivityHandler, TurnContext } from 'botbuilder';
import { createCertLinkAdapter } from '../../bot/runtime/botbuilder/authentication';
import { createHttpServer, listen } from '../../bot/http/server';
import { messagesEndpoint } from '../../bot/runtime/botbuilder/messagesEndpoint';
import { StoreHealth } from '../../services/kv/health';
import { FakeConnector, startFakeConnector } from './fakeConnector';

/** A pino logger whose JSON lines are kept in memory, to assert what gets logged. */
export function captureLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return { log, lines };
}

export const healthyStore: StoreHealth = { kind: 'memory', ping: async () => true };

export interface HarnessOptions {
  /** An ActivityHandler, or a plain logic function run for every turn. */
  bot: ActivityHandler | ((context: TurnContext) => Promise<void>);
  health?: StoreHealth;
  microsoftAppId?: string;
  microsoftAppPassword?: string;
  bodyLimitBytes?: number;
}

export interface BotHarness {
  botUrl: string;
  connector: FakeConnector;
  server: restify.Server;
  logLines: string[];
  /** POSTs a JSON body (object or raw string) to /api/messages. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startBotHarness(options: HarnessOptions): Promise<BotHarness> {
  const connector = await startFakeConnector();
  const { log, lines } = captureLogger();
  const adapter = createCertLinkAdapter(
    {
      microsoftAppId: options.microsoftAppId ?? '',
      microsoftAppPassword: options.microsoftAppPassword ?? '',
      microsoftAppType: 'MultiTenant',
      microsoftAppTenantId: '',
    },
    log,
  );
  const bot = options.bot;
  const logic = bot instanceof ActivityHandler ? (context: TurnContext) => bot.run(context) : bot;
  const server = createHttpServer({
    endpoint: messagesEndpoint({ adapter, logic, log }),
    health: options.health ?? healthyStore,
    log,
    bodyLimitBytes: options.bodyLimitBytes,
  });
  const port = await listen(server, 0, '127.0.0.1');
  const botUrl = `http://127.0.0.1:${port}`;
  return {
    botUrl,
    connector,
    server,
    logLines: lines,
    post(body, headers = {}) {
      return fetch(`${botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    },
  };
}

let sequence = 0;

/** A Teams-like personal-chat message whose replies go to `serviceUrl`. */
export function teamsMessage(serviceUrl: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  sequence += 1;
  return {
    type: 'message',
    id: `incoming-${sequence}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1', name: 'Test User', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    recipient: { id: '28:bot', name: 'CertLink' },
    conversation: { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' },
    text: 'hello',
    locale: 'en-US',
    ...overrides,
  };
}
