import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Locator, Page } from 'playwright-core';

/** axe-core's own build, injected as is: the same rules a browser extension of axe would run. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
  html: string;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

export interface AuditOptions {
  /**
   * What to audit, as an axe context: CSS selectors, or `{ fromShadowDom: [host, inner] }` for a
   * shadow root. The whole document when absent.
   */
  include?: unknown[];
  /** Rule ids switched off, each with the reason (asked for so every exception is explained). */
  disable?: Record<string, string>;
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP, which
 * blocks inline scripts in extension pages and on the replayed sites, does not stop it) and
 * returns one readable line per failing node: rule, impact, target, axe's summary.
 */
export async function axeViolations(page: Page | Frame, options: AuditOptions = {}): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const rules = Object.fromEntries(Object.keys(options.disable ?? {}).map((id) => [id, { enabled: false }]));
  const violations = (await page.evaluate(
    async ({ include, tags, rules }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
      const context = include ? { include } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return result.violations;
    },
    { include: options.include, tags: [...AXE_TAGS], rules },
  )) as AxeViolation[];
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n    at ${JSON.stringify(node.target)}\n    ${(node.failureSummary ?? '').replaceAll('\n', '\n    ')}\n    ${node.html.slice(0, 200)}`,
    ),
  );
}

/** axe's verdict as an assertion message: empty when the page passes. */
export async function audit(page: Page | Frame, label: string, options: AuditOptions = {}): Promise<string> {
  const found = await axeViolations(page, options);
  return found.length === 0 ? '' : `${label}: ${found.length} axe violation(s)\n  ${found.join('\n  ')}`;
}

export interface FocusInfo {
  /** tag#id.class, or the text of a button, to name the focused element in messages. */
  name: string;
  /** The accessible text: aria-label, else its labels' text, else its text content. */
  text: string;
  /** The element's outline and box-shadow while focused, as computed. */
  outline: string;
  boxShadow: string;
  /** The tag name, and for inputs their type: "button", "input:checkbox". */
  kind: string;
  /** Whether the browser considers the focus keyboard-visible. */
  focusVisible: boolean;
  /** Inside the badge's shadow root. */
  inBadge: boolean;
}

/** The element with keyboard focus, looked for through shadow roots (the badge's once revealBadge handed it over). */
export async function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    let inBadge = false;
    while (element?.shadowRoot?.activeElement) {
      if (element.tagName.toLowerCase() === 'microscope-badge') inBadge = true;
      element = element.shadowRoot.activeElement;
    }
    if (!element || element === document.body) return null;
    // A visually hidden control (the file input behind "Import backup…") shows its ring on its label.
    const box = element.getBoundingClientRect();
    const hidden = box.width <= 1 || box.height <= 1;
    const ownLabel = 'labels' in element ? (element as HTMLInputElement).labels?.[0] : undefined;
    const style = getComputedStyle(hidden && ownLabel ? ownLabel : element);
    const classes = typeof element.className === 'string' && element.className ? `.${element.className.split(/\s+/).join('.')}` : '';
    const labels = 'labels' in element ? [...((element as HTMLInputElement).labels ?? [])].map((label) => label.textContent).join(' ') : '';
    const text = (element.getAttribute('aria-label') ?? (labels || element.textContent) ?? '').replace(/\s+/g, ' ').trim();
    const tag = element.tagName.toLowerCase();
    return {
      name: `${tag}${element.id ? `#${element.id}` : ''}${classes} "${text.slice(0, 40)}"`,
      text,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      kind: tag === 'input' ? `input:${(element as HTMLInputElement).type}` : tag,
      focusVisible: element.matches(':focus-visible'),
      inBadge,
    };
  });
}

/** A focus ring the eye can see: a solid outline at least 2px wide, or a box-shadow. */
export function hasVisibleFocus(info: FocusInfo): boolean {
  const [style, width] = info.outline.split(' ');
  const transparent = /rgba\(\d+, \d+, \d+, 0\)|transparent/.test(info.outline);
  const outline = style !== 'none' && style !== undefined && Number.parseFloat(width ?? '0') >= 2 && !transparent;
  return outline || (info.boxShadow !== 'none' && info.boxShadow !== '');
}

/**
 * Presses Tab (or Shift+Tab) until `matches` holds for the focused element, checking on the way
 * that every stop shows a focus ring. Fails after `limit` presses, naming the stops it saw.
 */
export async function tabTo(
  page: Page,
  matches: (info: FocusInfo) => boolean,
  {
    backwards = false,
    limit = 60,
    ours = () => true,
  }: { backwards?: boolean; limit?: number; /** The stops whose focus ring is checked (a host page's own are not ours). */ ours?: (info: FocusInfo) => boolean } = {},
): Promise<FocusInfo> {
  const seen: string[] = [];
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const info = await focused(page);
    if (!info) {
      seen.push('(body)');
      continue;
    }
    seen.push(info.name);
    if (ours(info) && !hasVisibleFocus(info)) {
      throw new Error(`no visible focus ring on ${info.name}: outline ${info.outline}, box-shadow ${info.boxShadow}`);
    }
    if (matches(info)) return info;
  }
  throw new Error(`not reached with ${backwards ? 'Shift+Tab' : 'Tab'} in ${limit} presses; focus went: ${seen.join(' → ')}`);
}

/** Matches the focused element by its accessible text. */
export const named =
  (pattern: RegExp) =>
  (info: FocusInfo): boolean =>
    pattern.test(info.text);

/** The text a screen reader would get for a locator's element: its accessible name or its text. */
export async function spokenText(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    [element.getAttribute('aria-label'), element.getAttribute('title'), element.textContent].filter(Boolean).join(' ').replace(/\s+/g, ' '),
  );
}
