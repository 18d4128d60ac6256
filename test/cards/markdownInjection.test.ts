/**
 * Card injection, as the attack: a name, a title or any text a person or a profile supplies that
 * is written as Markdown ("[Verify your account](https://evil.example)", emphasis, a list) reaches
 * every card builder, and the card shows it as text. What Teams renders is read here the way a
 * CommonMark renderer reads it (markdown-it, which Adaptive Cards' own JavaScript renderer uses).
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import * as adminCards from '../../cards/adminCards';
import * as cardModels from '../../cards/cardModels';
import * as markdownText from '../../cards/markdownText';
import { markdownSafe } from '../../cards/markdownText';
import * as noticeCards from '../../cards/noticeCard';
import * as privacyCards from '../../cards/privacyCards';
import * as render from '../../cards/render';
import type { AdaptiveCardAttachment } from '../../cards/render';
import * as invitationCards from '../../cards/reminderInvitationCard';
import * as renewalCards from '../../cards/renewalCards';
import { DEFAULT_LIMITS } from '../../services/association/types';
import { en } from '../../services/i18n/en';
import { fr } from '../../services/i18n/fr';

const LINK = '[Verify your account](https://evil.example)';
const HOSTILE = [LINK, '**Urgent**: _act now_', '- one\n- two', '1. first', '# Title', '<https://evil.example>', '![x](https://evil.example/p.png)', '`code` ~~gone~~ &#91;x&#93;(https://evil.example)'];
const markdown = new MarkdownIt();
/** What Markdown would make of a text beyond a paragraph of plain text. */
const MARKUP = /<(a|em|strong|li|ul|ol|h\d|blockquote|code|img|s|del|hr|pre)\b/;

/** The texts Teams renders as Markdown: TextBlock text and facts. */
function shownAsMarkdown(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(shownAsMarkdown);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'TextBlock' ? [String(o.text)] : o.type === 'FactSet' ? (o.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value]) : [];
  return [...own, ...Object.values(o).flatMap((v) => (Array.isArray(v) ? shownAsMarkdown(v) : []))];
}

/** Every builder, fed `h` wherever it takes text from a person, a profile, Teams or the org files. */
const builders: Record<string, (h: string) => AdaptiveCardAttachment> = {
  statementCard: (h) => cardModels.statementCard({ title: h, lines: [h], facts: [{ label: h, value: h }], notes: [h], buttons: [{ title: 'OK', verb: 'v', cardId: 'c' }] }),
  confirmCard: (h) => cardModels.confirmCard({ title: h, lines: [h], facts: [{ label: h, value: h }], confirmTitle: 'Yes', cancelTitle: 'No', confirmVerb: 'v', cardId: 'c' }),
  choiceCard: (h) => cardModels.choiceCard({ title: h, lines: [h], choices: [{ title: 'A', verb: 'v', cardId: 'c' }] }),
  menuCard: (h) => cardModels.menuCard({ title: h, lines: [h], commands: [{ title: 'Help', text: 'help' }] }),
  reportSummaryCard: (h) =>
    adminCards.reportSummaryCard({
      orgName: h,
      summary: { mpnId: '1234567', linked: 2, pendingCredit: 1, byTitle: [{ title: h, count: 2 }], expiringSoon: [{ title: h, count: 1 }], expiringSoonTotal: 1, expired: 0, empty: false },
      at: new Date('2026-03-01T09:00:00Z'),
      downloads: { kind: 'links', csvUrl: 'https://bot.example/csv', xlsxUrl: 'https://bot.example/xlsx' },
      locale: 'en',
      expiringPeople: { kind: 'shown', people: [{ name: h, title: h, expiresOn: '2026-04-01' }] },
    }),
  adminListCard: (h) => adminCards.adminListCard({ orgName: h, admins: { globalAdmins: ['g'], partnerAdmins: ['p'] }, nameOf: () => h, locale: 'en' }),
  auditLogCard: (h) =>
    adminCards.auditLogCard({
      orgName: h,
      entries: [{ at: '2026-03-01T09:00:00Z', mpnId: '1234567', actorUserId: 'a', action: 'removedByAdmin', targetUserId: 't', mcid: '10203040' }],
      downloads: { kind: 'links', csvUrl: 'https://bot.example/csv', xlsxUrl: 'https://bot.example/xlsx' },
      nameOf: () => h,
      locale: 'en',
    }),
  confirmRemovalCard: (h) => adminCards.confirmRemovalCard({ orgName: h, mpnId: '1234567', mcid: '10203040', personName: h, linkedSince: '2026-02-01T10:00:00Z', cardId: 'c', locale: 'en' }),
  removalResultCard: (h) => adminCards.removalResultCard({ orgName: h, result: { kind: 'removed', personName: h, mcid: '10203040', notified: true }, locale: 'en' }),
  adminRefusalCard: () => adminCards.adminRefusalCard({ locale: 'en' }),
  downloadLinksCard: (h) => adminCards.downloadLinksCard({ what: 'report', orgName: h, csvUrl: 'https://bot.example/csv', xlsxUrl: 'https://bot.example/xlsx', locale: 'en' }),
  myDataCard: (h) => privacyCards.myDataCard({ title: h, lines: [h], categories: [{ name: h, held: h, why: h }], notes: [h], downloadTitle: 'Download', downloadUrl: 'https://bot.example/my-data' }),
  noticeCard: (h) => noticeCards.noticeCard({ locale: 'en', associationsLeft: 2, limits: DEFAULT_LIMITS, link: { orgName: h, since: new Date('2026-02-01T10:00:00Z') } }),
  reminderInvitationCard: () => invitationCards.reminderInvitationCard({ locale: 'en' }),
  renewalCard: (h) => renewalCards.renewalCard({ locale: 'en', title: h, name: h, expiresOn: '2026-10-02', daysLeft: 30, stage: 'lastCall' }),
  myRenewalsCard: (h) => renewalCards.myRenewalsCard({ locale: 'en', due: [{ name: h, expiresOn: '2026-10-02', daysLeft: 100 }], windowDays: 180, lastCallDays: 30, noticesOn: true }),
  expiringPeopleCard: (h) => renewalCards.expiringPeopleCard({ orgName: h, days: 90, people: [{ name: h, title: h, expiresOn: '2026-04-01' }], locale: 'en' }),
  digestCard: (h) => renewalCards.digestCard({ locale: 'en', orgName: h, month: new Date('2026-04-01T00:00:00Z'), expiring: [{ name: h, title: h, expiresOn: '2026-04-01' }], renewed: [] }),
};

describe('card injection: Markdown in names and profile text renders as text', () => {
  it('covers every card builder in cards/', () => {
    // Every module of cards/ is one of these (a new one fails here until its builders are in the table).
    const modules: Record<string, Record<string, unknown>> = { adminCards, cardModels, noticeCard: noticeCards, privacyCards, reminderInvitationCard: invitationCards, renewalCards, render, markdownText };
    const files = readdirSync(path.resolve(__dirname, '../../cards'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.replace(/\.js$/, ''));
    assert.deepEqual(files.sort(), Object.keys(modules).sort());
    const exported = Object.values(modules)
      .flatMap((m) => Object.entries(m))
      .filter(([name, value]) => typeof value === 'function' && /Card$/.test(name) && name !== 'renderCard' && name !== 'expandCard')
      .map(([name]) => name);
    assert.deepEqual(exported.sort(), Object.keys(builders).sort());
  });

  for (const [name, build] of Object.entries(builders)) {
    it(`${name}: hostile text is shown as written, never as a link, emphasis or list`, () => {
      for (const hostile of HOSTILE) {
        const shown = shownAsMarkdown(build(hostile).content);
        assert.ok(shown.length > 0);
        for (const text of shown) {
          const html = markdown.render(text);
          assert.doesNotMatch(html, MARKUP, `${name} renders ${JSON.stringify(text)} as ${html}`);
        }
      }
      // The text itself is kept: what the card shows, once rendered, is the link's characters.
      const rendered = shownAsMarkdown(build(LINK).content)
        .map((t) => markdown.render(t))
        .join('');
      if (name !== 'adminRefusalCard' && name !== 'reminderInvitationCard') assert.ok(rendered.includes(LINK), `${name}: ${rendered}`);
    });
  }

  it('leaves button titles and URLs alone (they are not Markdown)', () => {
    const card = cardModels.statementCard({ title: 't', lines: [], buttons: [{ title: 'Use first_last@contoso.com [x]', verb: 'v', cardId: 'c' }] });
    assert.equal((card.content.actions as { title: string }[])[0].title, 'Use first_last@contoso.com [x]');
  });

  it("changes none of CertLink's own sentences, in English and French", () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(fr)]) assert.equal(markdownSafe(text), text, key);
  });
});
