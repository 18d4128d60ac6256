/**
 * npm run dev [-- --locale fr-FR]: CertLink in local mode (no MicrosoftAppId, embedded store,
 * sample data) and Microsoft 365 Agents Playground pointed at it. Open the printed URL and chat
 * as Alice Martin of Contoso ("link my certification" works at once). Ctrl+C stops both.
 * Logs are pino-pretty lines here (pino-pretty is a development dependency); the bot's own
 * format, JSON, is unchanged for npm start.
 */
import { readFileSync } from 'node:fs';
import pretty from 'pino-pretty';
import { parse } from 'yaml';
import { RunningApp, startCertLink } from '../bot/app';
import { AppConfig, ConfigError, loadConfig } from '../bot/config';
import { loadEnvFileOrExit } from '../bot/envFile';
import { createLogger, Logger } from '../bot/logging';
import { loadOrgsFile } from '../services/directory/directoryFiles';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { LOCALE_TAG, LocaleRelay, startLocaleRelay } from './localeRelay';
import { PLAYGROUND_CONFIG, RunningPlayground, startPlayground } from './playground';

export const DEV_USAGE = `Usage: npm run dev [-- --locale <tag>]

Starts CertLink in local mode (in-memory store, sample data) and Microsoft 365 Agents
Playground pointed at it, then prints the URL to open: you chat as Alice Martin of Contoso.

  --locale <tag>   the language the playground's messages say the client speaks, e.g. fr-FR
                   for French (the playground itself always sends en-US)
  --help, -h       this text`;

export type DevArgs = { locale?: string } | { help: true } | { error: string };

export function parseDevArgs(argv: string[]): DevArgs {
  let locale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--locale') locale = argv[++i] ?? '';
    else if (arg.startsWith('--locale=')) locale = arg.slice('--locale='.length);
    else return { error: `Unknown argument ${arg}.\n${DEV_USAGE}` };
  }
  if (locale !== undefined && !LOCALE_TAG.test(locale)) return { error: `--locale must be a language tag such as fr-FR or en-US (got "${locale}").` };
  return locale ? { locale } : {};
}

export interface DevLoop {
  app: RunningApp;
  playground: RunningPlayground;
  /** Between the playground and CertLink when a locale was asked for. */
  relay?: LocaleRelay;
  close(): Promise<void>;
}

export interface DevLoopOptions {
  locale?: string;
  playgroundPort?: number;
  playgroundLogFile?: string;
  onPlaygroundOutput?: (line: string) => void;
}

/** CertLink, the locale relay when asked for, and the playground pointed at the one in front. */
export async function startDevLoop(config: AppConfig, log: Logger, opts: DevLoopOptions = {}): Promise<DevLoop> {
  const app = await startCertLink(config, log);
  const botEndpoint = `http://127.0.0.1:${app.port}/api/messages`;
  const relay = opts.locale ? await startLocaleRelay({ botEndpoint, locale: opts.locale }) : undefined;
  const playground = await startPlayground({
    appEndpoint: relay?.endpoint ?? botEndpoint,
    port: opts.playgroundPort,
    logFile: opts.playgroundLogFile,
    onOutput: opts.onPlaygroundOutput,
  }).catch(async (err: unknown) => {
    await relay?.close();
    await app.close();
    throw err;
  });
  return {
    app,
    playground,
    relay,
    async close() {
      await playground.stop();
      await relay?.close();
      await app.close();
    },
  };
}

/** A person of the playground's mock tenant (.m365agentsplayground.yml; the playground spells it userPrincipleName). */
interface MockUser {
  aadObjectId: string;
  userPrincipleName?: string;
}

interface MockTenant {
  tenantId: string;
  currentUser: MockUser;
  users?: MockUser[];
}

/**
 * The two tab pages as the playground's people: the person you chat as, and the first of them who
 * is a global admin of the tenant's org. Each carries the development identity the tab sends in
 * local mode, the way Teams' SSO token would: object id, tenant, sign-in name. So the tab finds
 * the person as the chat does, by their link, else by their sign-in name (docs/DATA-FORMATS.md).
 */
export function devTabUrls(config: AppConfig, locale?: string): { person: string; admin: string | null } {
  const mock = parse(readFileSync(PLAYGROUND_CONFIG, 'utf8')) as MockTenant;
  const org = new OrgDirectory(loadOrgsFile(config.orgsFile)).forTenant(mock.tenantId);
  const admin = [mock.currentUser, ...(mock.users ?? [])].find((u) => org?.globalAdmins.includes(u.aadObjectId));
  const page = (file: string, user: MockUser) => `${config.publicBaseUrl}/tab/${file}?devUser=${[user.aadObjectId, mock.tenantId, user.userPrincipleName ?? ''].join(';')}${locale ? `&locale=${locale}` : ''}`;
  return { person: page('my-certification.html', mock.currentUser), admin: admin ? page('skills-report.html', admin) : null };
}

/** What to open, printed last so that no start-up line hides it. */
export function devBanner(loop: DevLoop, config: AppConfig, locale?: string): string {
  const french = locale?.toLowerCase().startsWith('fr');
  const tabs = devTabUrls(config, locale);
  return `
CertLink (local mode, in-memory store, sample data) is on http://127.0.0.1:${loop.app.port}/api/messages${locale ? `\n  Messages from the playground reach it as ${locale} (the playground itself sends en-US).` : ''}

  Chat with it in Microsoft 365 Agents Playground:  ${loop.playground.url}
    You are Alice Martin of Contoso (.m365agentsplayground.yml). Try ${french ? '« lier ma certification », « statut », « aide »' : '"link my certification", "status", "help"'}.

  The tabs, as Alice and as Contoso's admin (local mode uses ?devUser=<aadObjectId>;<tenantId>;<sign-in name>):
    ${tabs.person}${tabs.admin ? `\n    ${tabs.admin}` : ''}

Ctrl+C stops both.`;
}

async function main(): Promise<void> {
  loadEnvFileOrExit('npm run dev');
  const args = parseDevArgs(process.argv.slice(2));
  if ('help' in args) {
    console.log(DEV_USAGE);
    return;
  }
  if ('error' in args) {
    console.error(`npm run dev: ${args.error}`);
    process.exit(1);
  }
  let config;
  try {
    // The dev loop is always local: no channel authentication, nothing kept after exit.
    config = loadConfig({ ...process.env, MicrosoftAppId: '', MicrosoftAppPassword: '', REDIS_URL: '' });
  } catch (err) {
    console.error(err instanceof ConfigError ? `npm run dev: ${err.message}` : err);
    process.exit(1);
  }
  // Written at once (sync), so that the start-up warnings come before the banner, not after it.
  const destination = pretty({ sync: true, colorize: process.stdout.isTTY === true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,app' });
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, destination);
  const loop = await startDevLoop(config, log, { locale: args.locale, onPlaygroundOutput: (line) => console.log(`[playground] ${line}`) });
  console.log(devBanner(loop, config, args.locale));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await loop.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  loop.playground.child.once('exit', () => {
    if (!stopping) {
      console.error('The playground stopped; stopping CertLink too.');
      void stop();
    }
  });
}

if (require.main === module) void main();
