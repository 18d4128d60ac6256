/**
 * Card injection in the conversation, as the attack: a certification profile whose name is
 * "[Verify your account](https://evil.example)" (profiles come from Partner Center's export and
 * its people type their own names), a certification title and a Teams display name written the
 * same way. Everywhere CertLink shows them (the admin's removal card and its result, the audit log,
 * the list of admins, the report, the "my data" card, a plain reply) Teams gets them as text: read
 * as Markdown (markdown-it, as Adaptive Cards' renderer reads it), nothing becomes a link.
 */
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import MarkdownIt from 'markdown-it';
import type { Turn } from '../../../bot/runtime/turn';
import { button, makeHarness, people } from '../../support/conversationHarness';

const EVIL = '[Verify your account](https://evil.example)';
const markdown = new MarkdownIt();

/** What Teams renders as Markdown in some replies: plain texts, card TextBlocks and facts. */
function shown(replies: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, inCard: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inCard));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (!inCard && typeof o.text === 'string' && o.type === 'message') out.push(o.text);
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    for (const [key, value] of Object.entries(o)) if (typeof value === 'object') walk(value, inCard || key === 'content');
  };
  walk(replies, false);
  return out;
}

function assertShownAsText(replies: unknown, what: string): void {
  const texts = shown(replies);
  const html = texts.map((t) => markdown.render(t)).join('\n');
  assert.ok(html.includes(EVIL), `${what}: the name is shown as written\n${html}`);
  assert.doesNotMatch(html, /<a\b|<em>|<strong>|<li>/, `${what}\n${html}`);
}

describe('security: Markdown in names reaches every card as text', () => {
  it('in the removal card and its result, the audit log, the admins list, the report and "my data"', async () => {
    const h = await makeHarness({
      memberNames: { namesOf: async (_turn: Turn, ids: readonly string[]) => new Map(ids.map((id) => [id, EVIL] as const)) },
    });
    const alice = await h.stores.profiles.get('10203040');
    assert.ok(alice);
    await h.stores.profiles.upsert({ ...alice, firstName: EVIL, certifications: [{ ...alice.certifications[2], title: EVIL }] });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));

    assertShownAsText(await h.say(people.alice, 'my data'), '"my data"');
    assertShownAsText(await h.say(people.contosoAdmin, 'skills report'), 'the report (a certification title)');
    assertShownAsText(await h.say(people.contosoAdmin, 'list admins'), 'the list of admins (Teams display names)');
    const removal = await h.say(people.contosoAdmin, 'remove alice@contoso.com from the report');
    assertShownAsText(removal, 'the removal card');
    const removed = await h.click(people.contosoAdmin, button(removal, 'admin.remove.confirm'));
    assertShownAsText(removed.body, 'the removal result');
    assertShownAsText(await h.say(people.contosoAdmin, 'audit log'), 'the audit log (names from the profile)');
  });

  it('in a plain reply that repeats an @mentioned display name', async () => {
    const h = await makeHarness({ memberIds: { aadObjectIdOf: async () => null } });
    const entities: Partial<Activity> = {
      entities: [{ type: 'mention', mentioned: { id: '29:someone', name: EVIL }, text: `<at>${EVIL}</at>` }],
    };
    const reply = await h.raw(h.activity(people.contosoAdmin, { type: 'message', text: `make <at>${EVIL}</at> partner admin`, ...entities }, {}));
    assertShownAsText(reply, 'the "could not find" reply');
  });
});
