/**
 * PRIVACY.md's table of what is stored is the promise made to people and their admins: every
 * Redis key CertLink writes must match one of the key patterns it lists. A flow touching every
 * feature (link, switch, Partner University, notices, reminders, roles, the report, the audit,
 * "my data", an admin's removal, an erasure) runs on real Redis, and each key it leaves, at any
 * point, is checked against the patterns read from the document itself.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ManualClock } from '../../../../services/clock';
import { PersonRateLimiter } from '../../../../services/limits/personRateLimiter';
import { claimLinkUse } from '../../../../services/report/signedLink';
import { dumpKeys } from '../../../support/redisScan';
import { button, people } from '../../../support/conversationHarness';
import { useRedisConversations } from '../../../support/redisConversation';

const PRIVACY_MD = path.resolve(__dirname, '..', '..', '..', '..', '..', 'PRIVACY.md');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The key patterns of the "What is stored" table, as regular expressions under `prefix`. In the
 * document `…` is the prefix, `<name>` any text, `\|` a literal bar, and a pattern that starts with
 * `:` continues the hash tag of the pattern before it in the same cell. BullMQ's own keys for the
 * notice queue ("and the queue's sets") are everything under `…{bull}:notices:`.
 */
function documentedKeyPatterns(markdown: string, prefix: string): RegExp[] {
  const section = markdown.split('## What is stored, and why')[1]?.split('\n## ')[0];
  if (!section) throw new Error('PRIVACY.md has no "What is stored, and why" section');
  const patterns: RegExp[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| data ')) continue;
    const keyCell = line.split(/(?<!\\)\|/)[2] ?? '';
    let hashTag = '';
    for (const [, span] of keyCell.matchAll(/`([^`]+)`/g)) {
      const raw = span.replace(/\\\|/g, '|');
      if (!raw.startsWith('…') && !raw.startsWith(':')) continue;
      const full = raw.startsWith(':') ? hashTag + raw : raw;
      if (raw.startsWith('…')) hashTag = raw.slice(0, raw.indexOf('}') + 1);
      if (full.startsWith('…{bull}:notices:')) {
        patterns.push(new RegExp(`^${escapeRegExp(prefix)}\\{bull\\}:notices:`));
        continue;
      }
      const body = full
        .slice(1)
        .split(/<[^>]+>/)
        .map(escapeRegExp)
        .join('.+');
      patterns.push(new RegExp(`^${escapeRegExp(prefix)}${body}$`));
    }
  }
  return patterns;
}

describe('privacy: every Redis key is one PRIVACY.md lists', () => {
  const conversations = useRedisConversations();

  it('reads the table: placeholders, continued hash tags and the notice queue', () => {
    const patterns = documentedKeyPatterns(readFileSync(PRIVACY_MD, 'utf8'), 'p:');
    const documented = (key: string) => patterns.some((p) => p.test(key));
    assert.ok(documented('p:{profile:10203040}'));
    assert.ok(documented('p:{org:1234567}:report:titles'), 'a pattern continued after a comma (":report:titles")');
    assert.ok(documented('p:{person:tenant|user}:convref'));
    assert.ok(documented('p:{bull}:notices:delayed'));
    assert.ok(documented('p:count:rate:link:tenant|user:2935'), 'an escaped bar inside a pattern');
    assert.ok(!documented('p:{profile:10203040}:extra'), 'patterns are anchored');
    assert.ok(!documented('p:somethingNew'));
    assert.ok(!documented('other:{profile:10203040}'), 'under the prefix only');
  });

  it('leaves no key the document does not list, through every feature', async function () {
    this.timeout(30_000);
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const { h, stores, client, prefix } = await conversations.open(clock);
    const patterns = documentedKeyPatterns(readFileSync(PRIVACY_MD, 'utf8'), prefix);
    const seen = new Set<string>();
    const collect = async () => {
      for (const key of (await dumpKeys(client, prefix)).keys()) seen.add(key);
    };

    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    await h.click(people.benoit, button(await h.say(people.benoit, 'link my certification'), 'link.confirm'));
    await h.services.university.link(people.alice.tenantId, people.alice.userId, 'alice@contoso.com');
    await h.services.universityAssessments.replace('alice@contoso.com', [{ title: 'Azure Pre-Sales Assessment', completedOn: '2026-01-15' }]);
    await h.click(people.alice, button(await h.say(people.alice, 'status'), 'notices.notifyMe'));
    await h.say(people.benoit, 'stop notifications');
    const myData = await h.say(people.alice, 'my data');
    // Its download link's one use, claimed as the download route claims it.
    const link = new URL(JSON.stringify(myData).match(/https:[^"]*download\/my-data[^"]*/)?.[0] ?? '');
    assert.equal(await claimLinkUse(stores.once, { n: link.searchParams.get('n') ?? '', exp: link.searchParams.get('exp') ?? '' }, clock), true);
    await h.say(people.alice, 'status', { conversationType: 'channel' }); // answered in her personal chat too
    await new Promise((resolve) => setTimeout(resolve, 200)); // that message goes in the background
    await h.say(people.contosoAdmin, 'help'); // from now on CertLink can reach the admin in their personal chat
    await h.say(people.contosoAdmin, 'skills report', { conversationType: 'channel' }); // its downloads go there
    await h.say(people.contosoAdmin, 'audit log', { conversationType: 'channel' });
    await new Promise((resolve) => setTimeout(resolve, 200)); // sent in the background
    // Hugo moves from Contoso to Fabrikam: his Contoso account is told.
    await h.click(people.hugoAtContoso, button(await h.say(people.hugoAtContoso, 'link my certification'), 'link.confirm'));
    clock.advanceDays(31);
    await h.click(people.hugoAtFabrikam, button(await h.say(people.hugoAtFabrikam, 'link my certification'), 'link.confirm'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await h.say(people.contosoAdmin, 'list admins', { conversationType: 'channel' });
    await collect();
    await h.click(people.contosoAdmin, button(await h.say(people.contosoAdmin, 'remove benoit@contoso.com from the report', { conversationType: 'channel' }), 'admin.remove.confirm'), { conversationType: 'channel' });
    await collect();
    await h.click(people.alice, button(await h.say(people.alice, 'delete my data'), 'privacy.erase.confirm'));
    // The per-person rate limit, as bot/app.ts wires it (the harness runs without one).
    const limiter = new PersonRateLimiter(stores.counters, { linkAttempts: 10, adminCommands: 30, windowSeconds: 600 }, clock);
    await limiter.allow('link', people.benoit.tenantId, people.benoit.userId);
    await collect();

    // The flow did reach every kind of key it is meant to exercise.
    for (const kind of [
      '{profile:',
      '{mcid:',
      '{person:',
      ':audit',
      '{bull}:notices:',
      'doc:university:',
      'doc:universityAssessments:',
      'doc:botstate:',
      '{pstarts:',
      'once:',
      'seed:profiles',
      'count:rate:',
      'ledger:{personalNudge:',
      'ledger:{downloads:',
      'ledger:{movedAway:',
      'once:downloadLink:',
      'ledger:',
    ]) {
      assert.ok(
        [...seen].some((k) => k.includes(kind)),
        `the flow wrote a key with ${kind}`,
      );
    }
    const undocumented = [...seen].filter((key) => !patterns.some((p) => p.test(key))).map((key) => key.slice(prefix.length));
    assert.deepEqual(undocumented, [], 'keys PRIVACY.md does not list (add them to its table, with what they hold and for how long)');
  });
});
