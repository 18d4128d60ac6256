/**
 * npm run connector [-- --port 4000]: a stand-in for the Teams connector, for driving the bot
 * with curl or any Bot Framework client. Give an activity the serviceUrl it prints
 * (http://127.0.0.1:4000); the bot then sends its replies here, as it does to Teams, and each
 * one is printed as the text a person would read, cards and buttons included. Member lookups
 * are answered for the people of PROFILES_FILE (data/profiles.sample.json by default): the
 * person whose email is alice@contoso.com is Teams user 29:alice with Entra object id aad-alice.
 */
import { ConfigError, loadConfig } from '../bot/config';
import { loadEnvFileOrExit } from '../bot/envFile';
import { loadProfilesFile } from '../services/directory/directoryFiles';
import type { CertificationProfile } from '../services/directory/types';
import { activityLines } from './activityText';
import type { WireMember } from './wireTypes';
import { FakeConnector, RecordedActivity, startFakeConnector } from './connectorStandIn';

export const DEFAULT_CONNECTOR_PORT = 4000;

/** Teams members for the profiles: each one's first email's local part names their ids (alice@… is 29:alice, aad-alice). */
export function sampleMembers(profiles: CertificationProfile[]): WireMember[] {
  return profiles.map((p) => {
    const email = p.emails[0];
    const handle = email.split('@')[0];
    return { id: `29:${handle}`, aadObjectId: `aad-${handle}`, name: `${p.firstName} ${p.lastName}`, givenName: p.firstName, surname: p.lastName, email, userPrincipalName: email };
  });
}

/** What is printed for one activity the bot sent: a heading, then the text indented. */
export function describeReply(reply: RecordedActivity): string[] {
  const lines = activityLines(reply.activity);
  if (lines.length === 0) return [];
  const heading = reply.kind === 'update' ? `CertLink updated ${reply.id} in ${reply.conversationId}:` : `CertLink → ${reply.conversationId}${reply.replyToId ? ` (reply to ${reply.replyToId})` : ''}:`;
  return [heading, ...lines.map((l) => `  ${l}`), ''];
}

export async function runConnector(opts: { port: number; members: WireMember[]; print: (line: string) => void }): Promise<FakeConnector> {
  const connector = await startFakeConnector({ port: opts.port, members: opts.members, keepReplies: false });
  connector.onReply((reply) => describeReply(reply).forEach((line) => opts.print(line)));
  connector.setResponder((request) => {
    if (request.route === 'member') {
      const known = opts.members.some((m) => m.id === request.targetId || m.aadObjectId === request.targetId);
      opts.print(`(member lookup for ${request.targetId}: ${known ? 'answered' : 'not one of the profiles, 404'})`);
    }
    return undefined;
  });
  return connector;
}

function portFrom(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i < 0) return DEFAULT_CONNECTOR_PORT;
  const raw = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`--port must be a port number (got "${raw ?? ''}")`);
  return port;
}

async function main(): Promise<void> {
  loadEnvFileOrExit('npm run connector');
  let port: number;
  let members: WireMember[];
  try {
    port = portFrom(process.argv.slice(2));
    members = sampleMembers(loadProfilesFile(loadConfig().profilesFile));
  } catch (err) {
    console.error(`npm run connector: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const connector = await runConnector({ port, members, print: (line) => console.log(line) }).catch((err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `npm run connector: port ${port} is in use (another stand-in?); --port <n> picks another` : `npm run connector: ${err.message}`);
    process.exit(1);
  });
  const example = members[0];
  console.log(`Teams connector stand-in on ${connector.url}: give an activity "serviceUrl": "${connector.url}" and the bot's replies are printed here.
Member lookups know ${members.length} people${example ? `, as 29:<the start of their email> (Entra object id aad-<the same>), e.g. ${example.id}` : ''}.
Ctrl+C stops it.
`);
  const stop = () => void connector.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`npm run connector: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
