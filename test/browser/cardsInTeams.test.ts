/**
 * Every card CertLink sends, as Microsoft Teams draws it: collected by driving conversations in
 * English and French (test/support/cardTour.ts), rendered by Microsoft's Adaptive Cards renderer
 * (`adaptivecards`) with Teams' host config and button styles from the npm package
 * adaptivecards-designer 2.4.4 (lib/hostConfigs/microsoft-teams-light.json and -dark.json,
 * dist/containers/teams-container-light.css and -dark.css; test/support/teamsCardRenderer.ts), in
 * the project's Chromium, at a 450 px card width. Screenshots go to test-artifacts/ (not committed).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { cardTemplateFiles, runCardTour, sameCards, SentCard, Tour } from '../support/cardTour';
import { ARTIFACTS, launchChromiumOrSkip } from '../support/chromium';
import { installedVersion, RenderedCard, RENDERER, TEAMS_HOST, TEAMS_MAX_CARD_VERSION, TeamsCardRenderer, Theme } from '../support/teamsCardRenderer';

/** Teams refuses a message over about 28 KB; CertLink keeps a margin. */
const MAX_MESSAGE_BYTES = 25 * 1024;
const CARD_WIDTH = 450;

const versionOf = (card: Record<string, unknown>) => String(card.version ?? '');
const newerThan = (version: string, max: string) => {
  const [a, b] = version.split('.').map(Number);
  const [c, d] = max.split('.').map(Number);
  return !(a < c || (a === c && b <= d));
};

describe(`every card CertLink sends, in Teams (${TEAMS_HOST.package} ${TEAMS_HOST.version} host config) at ${CARD_WIDTH} px`, function () {
  this.timeout(300_000);
  let browser: Browser;
  let tour: Tour;
  let unique: SentCard[];
  const rendered = new Map<Theme, RenderedCard[]>();

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    tour = await runCardTour();
    unique = [...new Map(tour.cards.map((c) => [sameCards([c.card]), c])).values()];
    for (const theme of ['light', 'dark'] as const) {
      const renderer = await TeamsCardRenderer.open(browser, theme);
      rendered.set(
        theme,
        await renderer.render(
          unique.map((c) => c.card),
          CARD_WIDTH,
        ),
      );
      mkdirSync(ARTIFACTS, { recursive: true });
      if (theme === 'light') await renderer.screenshot(path.join(ARTIFACTS, 'cards-light.jpeg'));
      await renderer.close();
    }
    // What was rendered, where it came from, and what the measure found: for people to read.
    writeFileSync(
      path.join(ARTIFACTS, 'cards.json'),
      JSON.stringify(
        unique.map((c, i) => ({ where: c.where, template: c.template, bytes: c.bytes, ...rendered.get('light')?.[i] })),
        null,
        1,
      ),
    );
  });
  after(async () => {
    await browser?.close();
  });

  it('uses the host config and renderer the test names, from node_modules', () => {
    assert.equal(installedVersion(TEAMS_HOST.package), TEAMS_HOST.version);
    assert.match(installedVersion(RENDERER.package), /^3\.0\./);
  });

  it('collects cards from conversations in both languages: personal chat, channel, group chat, invoke responses and proactive messages', () => {
    const where = (pattern: RegExp) => unique.filter((c) => pattern.test(c.where)).length;
    console.log(`      ${tour.steps} conversation steps, ${tour.cards.length} cards sent, ${unique.length} different cards rendered`);
    for (const language of ['en', 'fr'] as const) assert.ok(unique.filter((c) => c.language === language).length > 20, language);
    assert.ok(where(/personal chat/) > 0 && where(/team channel/) > 0 && where(/group chat/) > 0, 'personal chat, channel and group chat');
    assert.ok(where(/→/) > 0, 'cards answering a button (invoke responses and menu buttons)');
    assert.ok(where(/\(proactive/) > 0, 'proactive messages');
  });

  it('renders every card template in cards/ at least once', () => {
    const seen = new Set(tour.cards.map((c) => c.template));
    const missing = cardTemplateFiles().filter((file) => !seen.has(file));
    assert.deepEqual(missing, [], 'templates no conversation reached: add a scene or a story in test/support/cardTour.ts');
    assert.deepEqual(
      unique.filter((c) => !c.template).map((c) => c.where),
      [],
      'cards built without a template of cards/',
    );
  });

  it('the renderer reports no error, and no card is newer than Adaptive Cards 1.5', () => {
    const problems = unique.flatMap((c, i) => [
      ...(newerThan(versionOf(c.card), TEAMS_MAX_CARD_VERSION) ? [`${c.where}: version ${versionOf(c.card)}`] : []),
      ...(['light', 'dark'] as const).flatMap((theme) => (rendered.get(theme)?.[i].errors ?? []).map((e) => `${c.where} [${theme}]: ${e}`)),
      ...(rendered.get('light')?.[i].templateText ?? []).map((t) => `${c.where}: template text left: ${t}`),
    ]);
    assert.deepEqual(problems, []);
  });

  it(`no message is over ${MAX_MESSAGE_BYTES / 1024} KB`, () => {
    const largest = [...tour.cards].sort((a, b) => b.bytes - a.bytes)[0];
    console.log(`      largest message: ${largest.bytes} bytes (${largest.where})`);
    assert.deepEqual(
      tour.cards.filter((c) => c.bytes > MAX_MESSAGE_BYTES).map((c) => `${c.where}: ${c.bytes} bytes`),
      [],
    );
  });

  it('every button label can be read whole, in the row and in the overflow menu, in both themes', () => {
    const cut = unique.flatMap((c, i) =>
      (['light', 'dark'] as const).flatMap((theme) => {
        const r = rendered.get(theme)?.[i];
        return [...(r?.buttons ?? []), ...(r?.overflow.map((o) => ({ ...o, label: `${o.label} (overflow menu)` })) ?? [])].filter((b) => b.cut).map((b) => `${c.where} [${theme}]: "${b.label}" ${b.cut}`);
      }),
    );
    assert.deepEqual(cut, []);
  });

  it('no other text is cut off', () => {
    assert.deepEqual(
      unique.flatMap((c, i) => (rendered.get('light')?.[i].cutText ?? []).map((t) => `${c.where}: ${t}`)),
      [],
    );
  });
});
