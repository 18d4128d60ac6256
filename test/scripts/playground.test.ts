/**
 * A whole link flow through Microsoft 365 Agents Playground, as its web client does it:
 * the message goes in through the playground's conversation API, the bot's card comes back on
 * the playground's websocket, the card's Action.Execute goes through the playground's invoke
 * API (adaptiveCard/action), and the result card is the invoke response. The bot looks the
 * person up through the playground's connector (member API), so the mock user of
 * .m365agentsplayground.yml must exist in the sample data for this to link.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { RunningApp, startCertLink } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { DevLoop, devBanner, parseDevArgs, startDevLoop } from '../../scripts/dev';
import { RunningPlayground, startPlayground } from '../../scripts/playground';
import { captureLogger } from '../support/httpBotHarness';
import { freePort } from '../support/freePort';

const CONTOSO = '6c1f3c4e-2a5b-4c8d-9e0f-1a2b3c4d5e6f';
const CHAT = 'a:certlink-playground-alice';
const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts');

interface CardAction {
  type: string;
  title: string;
  verb?: string;
  data?: Record<string, unknown>;
}
interface PlaygroundMessage {
  messageId: string;
  from: { id: string };
  text?: string;
  attachments?: { contentType: string; content: { body: { text?: string }[]; actions?: CardAction[] } }[];
}
interface StreamEvent {
  action: string;
  actionConversationId: string;
  message?: PlaygroundMessage;
}

/** Every event of the playground's conversation websocket, with a way to wait for the next matching one. */
class ConversationStream {
  private readonly events: StreamEvent[] = [];
  private waiters: { match: (e: StreamEvent) => boolean; resolve: (e: StreamEvent) => void }[] = [];
  private seen = 0;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const event = JSON.parse(data.toString()) as StreamEvent;
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => (w.match(event) ? (w.resolve(event), false) : true));
    });
  }

  /** The next event after the last one returned that matches; fails with what did arrive. */
  next(match: (e: StreamEvent) => boolean, what: string, timeoutMs = 15000): Promise<StreamEvent> {
    const already = this.events.slice(this.seen).find(match);
    if (already) {
      this.seen = this.events.indexOf(already) + 1;
      return Promise.resolve(already);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} from the playground within ${timeoutMs} ms; events: ${JSON.stringify(this.events.map((e) => e.action))}`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          this.seen = this.events.indexOf(e) + 1;
          resolve(e);
        },
      });
    });
  }
}

/** The playground's conversation websocket, open. */
async function openStream(port: number): Promise<ConversationStream> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return new ConversationStream(ws);
}

/** What the playground's web client sends when Alice types a message. */
async function say(port: number, text: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/_conversation/v1/conversations/${encodeURIComponent(CHAT)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: 'user-alice' }, text, textFormat: 'plain' }),
  });
  assert.equal(res.status, 200, await res.text());
}

/** What the playground's web client sends when a card's Action.Execute button is clicked; the invoke response's card. */
async function click(port: number, card: PlaygroundMessage, action: CardAction): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
      from: { id: 'user-alice' },
      conversation: { id: CHAT },
      replyToId: card.messageId,
    }),
  });
  assert.equal(res.status, 200);
  const result = (await res.json()) as { type: string; value: { body: { text?: string }[] } };
  assert.equal(result.type, 'application/vnd.microsoft.card.adaptive');
  return result.value.body.map((b) => b.text ?? '').join('\n');
}

const botMessage = (e: StreamEvent) => e.action === 'createMessage' && e.actionConversationId === CHAT && e.message?.from.id !== 'user-alice';
const cardText = (m: PlaygroundMessage) => (m.attachments ?? []).flatMap((a) => a.content.body.map((b) => b.text ?? '')).join('\n');

describe('Microsoft 365 Agents Playground drives a whole link flow (npm run dev setup)', function () {
  this.timeout(90_000);
  let app: RunningApp;
  let playground: RunningPlayground;
  let stream: ConversationStream;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const { log } = captureLogger();
    app = await startCertLink(loadConfig({ PORT: '0', LOG_LEVEL: 'warn' }), log);
    playground = await startPlayground({
      appEndpoint: `http://127.0.0.1:${app.port}/api/messages`,
      port: await freePort(),
      logFile: path.join(ARTIFACTS, 'playground.log'),
    });
    const ping = await fetch(`http://127.0.0.1:${playground.port}/_debug/ping`);
    assert.equal(ping.status, 200);
    stream = await openStream(playground.port);
  });

  after(async () => {
    stream?.ws.close();
    await playground?.stop();
    await app?.close();
  });

  it('uses a mock tenant and user that the sample data knows', async () => {
    const res = await fetch(`http://127.0.0.1:${playground.port}/_internal/v1/config`);
    const { config } = (await res.json()) as { config: { tenantId: string; currentUser: { aadObjectId: string; email: string } } };
    assert.equal(config.tenantId, CONTOSO);
    assert.deepEqual([config.currentUser.aadObjectId, config.currentUser.email], ['aad-alice', 'alice@contoso.com']);
  });

  it('message → confirmation card → Action.Execute → "Linked to Contoso", and the link is real', async () => {
    await say(playground.port, 'link my certification');
    const cardEvent = await stream.next(botMessage, 'confirmation card');
    const card = cardEvent.message as PlaygroundMessage;
    assert.match(cardText(card), /Link MCID 10203040 to Contoso\?/);
    const confirm = card.attachments?.[0].content.actions?.find((a) => a.verb === 'link.confirm');
    assert.ok(confirm, `no link.confirm action on the card: ${JSON.stringify(card.attachments?.[0].content.actions)}`);
    assert.equal(confirm.type, 'Action.Execute');
    assert.equal(confirm.title, 'Link with alice@contoso.com');

    const text = await click(playground.port, card, confirm);
    assert.match(text, /Linked to Contoso/);
    assert.match(text, /MCID 10203040 is now linked to Contoso/);

    const record = await app.services.associations.recordOfPerson(CONTOSO, 'aad-alice');
    assert.equal(record?.link?.mpnId, '1234567');
  });

  it('then "status" in the playground shows the link', async () => {
    await say(playground.port, 'status');
    const reply = (await stream.next(botMessage, 'status reply')).message as PlaygroundMessage;
    assert.match(`${reply.text ?? ''}\n${cardText(reply)}`, /10203040[\s\S]*Contoso|Contoso[\s\S]*10203040/);
  });
});

describe('npm run dev -- --locale fr-FR: the playground chat in French', function () {
  this.timeout(90_000);
  let loop: DevLoop;
  let stream: ConversationStream;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const { log } = captureLogger();
    loop = await startDevLoop(loadConfig({ PORT: '0', LOG_LEVEL: 'warn' }), log, {
      locale: 'fr-FR',
      playgroundPort: await freePort(),
      playgroundLogFile: path.join(ARTIFACTS, 'playground-fr.log'),
    });
    stream = await openStream(loop.playground.port);
  });
  after(async () => {
    stream?.ws.close();
    await loop?.close();
  });

  it('answers Alice in French even when she types English, and the French card links', async () => {
    await say(loop.playground.port, 'link my certification');
    const card = (await stream.next(botMessage, 'confirmation card')).message as PlaygroundMessage;
    assert.match(cardText(card), /Lier le MCID 10203040 à Contoso\s\?/);
    const confirm = card.attachments?.[0].content.actions?.find((a) => a.verb === 'link.confirm');
    assert.equal(confirm?.title, 'Lier avec alice@contoso.com');
    assert.match(await click(loop.playground.port, card, confirm as CardAction), /Le MCID 10203040 est maintenant lié à Contoso\./);

    await say(loop.playground.port, 'help');
    const help = (await stream.next(botMessage, 'help card')).message as PlaygroundMessage;
    assert.match(cardText(help), /Ce que je sais faire/);
  });

  it('says so in the banner, with the tab URLs in French too', () => {
    const banner = devBanner(loop, loadConfig({ PORT: String(loop.app.port) }), 'fr-FR');
    assert.match(banner, /Messages from the playground reach it as fr-FR/);
    assert.match(banner, /« lier ma certification »/);
    assert.match(banner, /my-certification\.html\?devUser=aad-alice;[0-9a-f-]+;alice@contoso\.com&locale=fr-FR/);
    assert.match(banner, /skills-report\.html\?devUser=00000000-0000-4000-8000-0000000000a1;[0-9a-f-]+;admin@contoso\.com&locale=fr-FR/);
    assert.ok(banner.trimEnd().endsWith('Ctrl+C stops both.'));
  });

  it('takes --locale and --help, and refuses what is not a language tag', () => {
    assert.deepEqual(parseDevArgs([]), {});
    assert.deepEqual(parseDevArgs(['--locale', 'fr-FR']), { locale: 'fr-FR' });
    assert.deepEqual(parseDevArgs(['--locale=fr']), { locale: 'fr' });
    assert.deepEqual(parseDevArgs(['-h']), { help: true });
    assert.match((parseDevArgs(['--locale', 'français']) as { error: string }).error, /--locale must be a language tag/);
    assert.match((parseDevArgs(['--french']) as { error: string }).error, /^Unknown argument --french/);
  });
});

describe('npm run dev as a process: readable warnings first, the URLs last', function () {
  this.timeout(90_000);

  it('prints the start-up warnings as pino-pretty lines, then the banner, and stops on SIGTERM', async () => {
    const entry = path.resolve(__dirname, '..', '..', 'scripts', 'dev.js');
    const child = spawn(process.execPath, [entry], {
      cwd: path.resolve(__dirname, '..', '..', '..'),
      env: { PATH: process.env.PATH ?? '', PORT: '0', M365_AGENTS_PLAYGROUND_LOGFILE: path.join(ARTIFACTS, 'playground-dev.log') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    try {
      for (let i = 0; i < 600 && !out.includes('Ctrl+C stops both.'); i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 500));
      const lines = out.split('\n').filter((l) => l.trim() !== '');
      assert.equal(lines[lines.length - 1], 'Ctrl+C stops both.', out);
      const banner = lines.findIndex((l) => l.startsWith('CertLink (local mode'));
      const warning = lines.findIndex((l) => /WARN: local mode: channel authentication is off/.test(l));
      assert.ok(warning >= 0 && warning < banner, out);
      assert.deepEqual(
        lines.filter((l) => l.startsWith('{')),
        [],
        'no JSON log lines in npm run dev',
      );
      assert.equal(err, '', 'nothing on stderr: no DEP0111 warning');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });
});
