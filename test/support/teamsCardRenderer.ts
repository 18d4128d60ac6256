/**
 * Renders Adaptive Cards as Microsoft Teams shows them, and measures what a person can read:
 * Microsoft's renderer (the `adaptivecards` package, its browser build) with Teams' host config
 * and Teams' button styles, both shipped by the npm package adaptivecards-designer (pinned in
 * package.json; read from node_modules, never fetched), in the project's Chromium at a fixed card
 * width. Many cards are rendered on one page, in one round trip.
 *
 * Teams draws cards in Segoe UI, which Linux does not have: the fallback of the host config's font
 * list (DejaVu Sans on Debian) is wider than Segoe UI, so a label that fits here fits in Teams.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..', '..');
const inModules = (...parts: string[]) => path.join(root, 'node_modules', ...parts);

/** Where Teams' host config and styles come from: named, pinned, and checked against node_modules. */
export const TEAMS_HOST = {
  package: 'adaptivecards-designer',
  version: '2.4.4',
  hostConfig: { light: 'lib/hostConfigs/microsoft-teams-light.json', dark: 'lib/hostConfigs/microsoft-teams-dark.json' },
  styles: { light: 'dist/containers/teams-container-light.css', dark: 'dist/containers/teams-container-dark.css' },
} as const;

/** Microsoft's renderer, the version CertLink depends on. */
export const RENDERER = { package: 'adaptivecards', browserBuild: 'dist/adaptivecards.min.js' } as const;

/** The newest Adaptive Card version Teams renders. */
export const TEAMS_MAX_CARD_VERSION = '1.5';

export type Theme = keyof typeof TEAMS_HOST.hostConfig;

export function installedVersion(pkg: string): string {
  return (JSON.parse(readFileSync(inModules(pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

/** What the renderer and the measure found on one card. */
export interface RenderedCard {
  /** The renderer's parse and validation events, and any exception while rendering. */
  errors: string[];
  /** Every button on the card as drawn: its label and whether a person can read all of it. */
  buttons: { label: string; cut: string | null }[];
  /** Labels of the actions in the card's overflow menu ("…"), each measured as a button of its own. */
  overflow: { label: string; cut: string | null }[];
  /** Other text a person cannot read whole (cut with an ellipsis or clipped). */
  cutText: string[];
  /** Template expressions left in the text a person reads. */
  templateText: string[];
  /** Rendered height in px, for the report. */
  height: number;
}

/** Minimal shapes of the renderer's browser build, as the page script uses it. */
interface AdaptiveCardsGlobal {
  AdaptiveCard: new () => {
    hostConfig: unknown;
    parse(json: unknown, context: unknown): void;
    render(): HTMLElement | undefined;
    validateProperties(): { validationEvents: { event: number; message: string }[] };
  };
  HostConfig: new (json: unknown) => unknown;
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { event: number; message: string } };
  Versions: Record<string, unknown>;
  ValidationEvent: Record<number, string>;
}

export class TeamsCardRenderer {
  private constructor(
    private readonly page: Page,
    private readonly hostConfig: unknown,
  ) {}

  /** A page with the renderer, Teams' host config and Teams' styles for `theme`; nothing is loaded from the network. */
  static async open(browser: Browser, theme: Theme = 'light'): Promise<TeamsCardRenderer> {
    // Cards side by side, so a screenshot of them all stays small.
    const page = await browser.newPage({ viewport: { width: 1880, height: 800 } });
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addStyleTag({ path: inModules(TEAMS_HOST.package, TEAMS_HOST.styles[theme]) });
    await page.addStyleTag({
      content:
        'body { margin: 0; display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px; } .card-under-test { box-sizing: border-box; flex: none; } .card-under-test::before { content: attr(data-index); font: 11px monospace; }',
    });
    await page.addScriptTag({ path: inModules(RENDERER.package, RENDERER.browserBuild) });
    const hostConfig = JSON.parse(readFileSync(inModules(TEAMS_HOST.package, TEAMS_HOST.hostConfig[theme]), 'utf8'));
    return new TeamsCardRenderer(page, hostConfig);
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  /** Renders each card at `width` px (the whole card, its padding included) and measures it. */
  async render(cards: object[], width = 450): Promise<RenderedCard[]> {
    return this.page.evaluate(
      ({ cards, hostConfig, width, maxVersion }) => {
        const AC = (window as unknown as { AdaptiveCards: AdaptiveCardsGlobal }).AdaptiveCards;
        document.body.replaceChildren();
        const host = new AC.HostConfig(hostConfig);

        const mount = (json: object, index = '') => {
          const box = document.createElement('div');
          box.className = 'card-under-test';
          box.dataset.index = index;
          box.style.width = `${width}px`;
          document.body.appendChild(box);
          const card = new AC.AdaptiveCard();
          card.hostConfig = host;
          const context = new AC.SerializationContext(AC.Versions[`v${maxVersion.replace('.', '_')}`]);
          const errors: string[] = [];
          let element: HTMLElement | undefined;
          try {
            card.parse(json, context);
            for (let i = 0; i < context.eventCount; i++) {
              const e = context.getEventAt(i);
              errors.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
            }
            for (const e of card.validateProperties().validationEvents) errors.push(`validation: ${AC.ValidationEvent[e.event]}: ${e.message}`);
            element = card.render();
            if (element) box.appendChild(element);
            else errors.push('render: nothing rendered');
          } catch (err) {
            errors.push(`render: ${String(err)}`);
          }
          return { box, element, errors };
        };

        /** Why a text element cannot be read whole, or null. */
        const cutOf = (el: HTMLElement): string | null => {
          if (el.scrollWidth > el.clientWidth + 0.5) return `cut off: needs ${el.scrollWidth} px, has ${el.clientWidth} px`;
          if (el.scrollHeight > el.clientHeight + 0.5 && getComputedStyle(el).overflowY !== 'visible') return `clipped: needs ${el.scrollHeight} px high, has ${el.clientHeight} px`;
          return null;
        };
        const outside = (inner: DOMRect, outer: DOMRect) => inner.left < outer.left - 0.5 || inner.right > outer.right + 0.5 || inner.top < outer.top - 0.5 || inner.bottom > outer.bottom + 0.5;

        /** Titles of the actions a card shows in its row, and of those in its overflow menu (`mode: "secondary"`). */
        const actionTitles = (json: unknown) => {
          const primary: string[] = [];
          const secondary: string[] = [];
          const walk = (node: unknown, inActions: boolean): void => {
            if (Array.isArray(node)) node.forEach((n) => walk(n, inActions));
            else if (node && typeof node === 'object') {
              const o = node as Record<string, unknown>;
              if (inActions && typeof o.type === 'string' && o.type.startsWith('Action.')) (o.mode === 'secondary' ? secondary : primary).push(String(o.title ?? ''));
              for (const [k, v] of Object.entries(o)) if (k !== 'card') walk(v, k === 'actions');
            }
          };
          walk(json, false);
          return { primary, secondary };
        };

        const measureButtons = (box: HTMLElement, element: HTMLElement) => {
          const card = element.getBoundingClientRect();
          return Array.from(box.querySelectorAll<HTMLElement>('button.ac-pushButton, button.ac-pushButton-disabled')).map((button) => {
            const label = (button.getAttribute('aria-label') && !button.innerText.trim() ? button.getAttribute('aria-label') : button.innerText) ?? '';
            const text = (button.firstElementChild as HTMLElement | null) ?? button;
            const rect = button.getBoundingClientRect();
            // The strip of buttons hides what does not fit in it.
            const strip = button.parentElement?.parentElement;
            let cut = cutOf(text) ?? cutOf(button);
            if (!cut && (outside(rect, card) || (strip && outside(rect, strip.getBoundingClientRect())))) cut = 'out of view: the button is outside the card';
            if (!cut && rect.width < 1) cut = 'out of view: the button has no width';
            return { label: label.trim(), cut };
          });
        };

        const results = cards.map((json, i) => {
          const { box, element, errors } = mount(json, `#${i}`);
          if (!element) return { errors, buttons: [], overflow: [], cutText: [], templateText: [], height: 0 };
          const buttons = measureButtons(box, element);
          const { primary, secondary } = actionTitles(json);
          // Every action in the row is drawn: none dropped (a host keeps at most maxActions).
          const drawn = new Set(buttons.map((b) => b.label));
          for (const title of primary) if (!drawn.has(title.trim())) errors.push(`render: the button "${title}" is not drawn`);
          const cutText = Array.from(element.querySelectorAll<HTMLElement>('*'))
            .filter((el) => !el.closest('button') && el.children.length === 0 && (el.textContent ?? '').trim() !== '')
            .filter((el) => cutOf(el) !== null && getComputedStyle(el).overflow !== 'visible')
            .map((el) => `"${(el.textContent ?? '').trim()}": ${cutOf(el)}`);
          const templateText: string[] = [...(element.innerText.match(/\$\{[^}]*\}?/g) ?? [])].concat(buttons.map((b) => b.label).filter((l) => l.includes('${')));
          // The overflow menu's entries, each drawn as a button alone on a card of the same width.
          const overflow = secondary.map((title) => {
            const probe = mount({ type: 'AdaptiveCard', version: '1.5', body: [], actions: [{ type: 'Action.Submit', title }] });
            const measured = probe.element ? measureButtons(probe.box, probe.element)[0] : undefined;
            probe.box.remove();
            return { label: title, cut: measured ? measured.cut : 'not drawn' };
          });
          return { errors, buttons, overflow, cutText, templateText, height: box.getBoundingClientRect().height };
        });
        return results;
      },
      { cards, hostConfig: this.hostConfig, width, maxVersion: TEAMS_MAX_CARD_VERSION },
    );
  }

  /** A screenshot of the cards last rendered, numbered in order, for people to look at (test-artifacts/, not committed). */
  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: true, type: 'jpeg', quality: 80 });
  }
}
