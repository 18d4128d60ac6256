/**
 * npm run connector (scripts/connector.ts): the stand-in a newcomer runs beside `npm start` to see
 * the bot's replies. The README's own curl example is posted to a real CertLink with the
 * stand-in as its serviceUrl, and the reply must be printed as readable text.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RunningApp, startCertLink } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { loadProfilesFile } from '../../services/directory/directoryFiles';
import { activityLines } from '../../scripts/activityText';
import { runConnector, sampleMembers } from '../../scripts/connector';
import type { FakeConnector } from '../../scripts/connectorStandIn';
import { captureLogger } from '../support/httpBotHarness';
import { freePort } from '../support/freePort';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The JSON body of the README's first curl example. */
function readmeCurlActivity(): Record<string, unknown> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const body = /curl -s localhost:3978\/api\/messages .*? -d '(\{[\s\S]*?\})'/.exec(readme)?.[1];
  assert.ok(body, 'no curl example in the README');
  return JSON.parse(body) as Record<string, unknown>;
}

describe('npm run connector: a Teams connector stand-in that prints the replies', () => {
  it('reads a card as a person would: text blocks, facts, inputs and buttons; nothing for typing', () => {
    const card = {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: {
        type: 'AdaptiveCard',
        body: [
          { type: 'TextBlock', text: 'Link MCID 10203040 to Contoso?' },
          { type: 'Container', items: [{ type: 'FactSet', facts: [{ title: 'Used', value: '1 of 3' }] }] },
          { type: 'ColumnSet', columns: [{ items: [{ type: 'TextBlock', text: 'left' }] }, { items: [{ type: 'TextBlock', text: 'right' }] }] },
          { type: 'Input.Text', id: 'x', label: 'MCID' },
          { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Microsoft Learn' }] },
        ],
        actions: [
          { type: 'Action.Execute', title: 'Confirm' },
          { type: 'Action.Execute', title: 'Cancel' },
        ],
      },
    };
    assert.deepEqual(activityLines({ type: 'message', text: 'Hello\nthere', attachments: [card] }), [
      'Hello',
      'there',
      '┌ Link MCID 10203040 to Contoso?',
      '│ Used: 1 of 3',
      '│ left',
      '│ right',
      '│ [Input.Text: MCID]',
      '│ [Microsoft Learn]',
      '│ [Confirm] [Cancel]',
    ]);
    assert.deepEqual(activityLines({ type: 'typing' }), []);
  });

  describe("the README's curl example, with the stand-in as serviceUrl", () => {
    let app: RunningApp;
    let connector: FakeConnector;
    const printed: string[] = [];

    before(async () => {
      app = await startCertLink(loadConfig({ PORT: '0', LOG_LEVEL: 'warn' }), captureLogger().log);
      const members = sampleMembers(loadProfilesFile(path.join(ROOT, 'data', 'profiles.sample.json')));
      connector = await runConnector({ port: 0, members, print: (line) => printed.push(line) });
    });
    after(async () => {
      await connector?.close();
      await app?.close();
    });

    it('prints the confirmation card of "link my certification", buttons included, and answers Alice\'s member lookup', async () => {
      const activity = readmeCurlActivity();
      assert.equal(activity.serviceUrl, 'http://127.0.0.1:4000', "the README's serviceUrl is npm run connector's");
      activity.serviceUrl = connector.url;
      const res = await fetch(`http://127.0.0.1:${app.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      assert.equal(res.status, 200);
      for (let i = 0; i < 100 && !printed.some((l) => l.includes('[Cancel]')); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(printed.includes('(member lookup for 29:alice: answered)'), printed.join('\n'));
      assert.ok(printed.includes('CertLink → a:alice (reply to 1):'), printed.join('\n'));
      assert.ok(printed.includes('  ┌ Link MCID 10203040 to Contoso?'), printed.join('\n'));
      assert.ok(printed.includes('  │ [Link with alice@contoso.com] [Cancel]'), printed.join('\n'));
    });
  });

  it('runs as `npm run connector` runs it: says where it listens, and refuses a bad --port', async function () {
    this.timeout(30_000);
    const entry = path.join(ROOT, 'dist', 'scripts', 'connector.js');
    const port = await freePort();
    const child = spawn(process.execPath, [entry, '--port', String(port)], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up line: ${out}`)), 15_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('Ctrl+C')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      assert.match(out, new RegExp(`^Teams connector stand-in on http://127\\.0\\.0\\.1:${port}: give an activity "serviceUrl"`));
      assert.match(out, /Member lookups know 20 people, .* e\.g\. 29:alice\./);
      const member = await fetch(`http://127.0.0.1:${port}/v3/conversations/a:alice/members/29:benoit`);
      assert.equal(((await member.json()) as { email: string }).email, 'benoit@contoso.com');
    } finally {
      child.kill('SIGTERM');
    }
    const bad = spawnSync(process.execPath, [entry, '--port', 'x'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 15_000 });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /npm run connector: --port must be a port number \(got "x"\)/);
  });
});
