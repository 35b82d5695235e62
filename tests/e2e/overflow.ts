import type { Page } from 'playwright-core';

/**
 * Text that does not fit its box, as a reader would see it: cut off, or drawn across a border.
 *
 * For every rendered element that holds text (its own text nodes, or a form control's value or
 * placeholder), three rules, each reported once per element:
 *
 *   clipped   the element clips (overflow hidden or clip, on either axis, text-overflow: ellipsis
 *             included) and its content is larger than its box: scrollWidth > clientWidth + 1 or
 *             scrollHeight > clientHeight + 1. Allowed only where the element carries the whole
 *             text in a `title` and is not a button, label, link, heading, summary or column header
 *             or inside one (a creator's long display name in the shortlist; never a control's words).
 *   crosses   a line of its text (a client rect of a Range over a text node) reaches more than
 *             1 px beyond the border box of an ancestor (itself included) that contains it in the
 *             flow: the walk up stops after an element taken out of the flow (position absolute or
 *             fixed: the badge's card is allowed to hang outside the pill) and before a scroll
 *             container other than the page (overflow auto or scroll: the dashboard's table, whose
 *             reader scrolls it sideways, is checked cell by cell but not against the window). An
 *             ancestor that clips is a crossing too: the text is cut there.
 *   outside   a line of its text lies beyond the surface: the viewport's width (the popup's 360 px,
 *             the dashboard's 1280 px), so that the page would scroll sideways.
 *
 * Not text: elements that draw nothing (no client rects) or are visually hidden for screen readers
 * (1×1 px, clipped), and whitespace. A word broken by `overflow-wrap: anywhere` is not an overflow.
 */
export interface Overflow {
  rule: 'clipped' | 'crosses' | 'outside';
  /** A short path to the element: tag.class > tag.class. */
  where: string;
  /** The start of its text. */
  text: string;
  detail: string;
}

/** Runs in the page: the overflows inside `root` (a document or a shadow root). */
function findOverflows(root: Document | ShadowRoot): Overflow[] {
  const found: Overflow[] = [];
  const viewport = document.documentElement.clientWidth;
  const tolerance = 1;
  const KEEP_WHOLE = 'button, label, a, summary, thead th, h1, h2, h3, h4, h5, h6, [role="button"], option';

  const describe = (element: Element): string => {
    const parts: string[] = [];
    for (let node: Element | null = element; node && parts.length < 4; node = node.parentElement) {
      const classes = [...node.classList].slice(0, 2).join('.');
      parts.unshift(`${node.localName}${classes ? `.${classes}` : ''}`);
    }
    return parts.join(' > ');
  };
  const isHidden = (element: Element): boolean => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const rect = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      if (rect.width <= 1 && rect.height <= 1 && (style.overflow === 'hidden' || style.clip !== 'auto' || style.clipPath !== 'none')) return true;
      if (style.visibility === 'hidden' || style.display === 'none') return true;
    }
    return false;
  };
  const clips = (style: CSSStyleDeclaration): boolean =>
    ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
  const scrolls = (style: CSSStyleDeclaration): boolean =>
    ['auto', 'scroll'].includes(style.overflowX) || ['auto', 'scroll'].includes(style.overflowY);

  const elements = [...root.querySelectorAll('*')];
  for (const element of elements) {
    if (element.getClientRects().length === 0 || ['script', 'style', 'template', 'svg', 'noscript'].includes(element.localName)) continue;
    if (element.closest('svg')) continue;
    const ownText = [...element.childNodes]
      .filter((node): node is Text => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '')
      .map((node) => node);
    const control = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;
    const controlText = control ? ('value' in element ? String(element.value) : '') || ((element as HTMLInputElement).placeholder ?? '') : '';
    const text = (ownText.map((node) => node.textContent).join(' ') || controlText).trim().replace(/\s+/g, ' ');
    if (!text || isHidden(element)) continue;
    const where = describe(element);
    const sample = text.slice(0, 60);
    const style = getComputedStyle(element);

    // clipped: the element itself cuts its text.
    if (!control && (clips(style) || style.textOverflow === 'ellipsis')) {
      const wide = element.scrollWidth - element.clientWidth;
      const tall = element.scrollHeight - element.clientHeight;
      const excused = element.hasAttribute('title') && !element.closest(KEEP_WHOLE);
      if (wide > tolerance || tall > tolerance) {
        if (!excused) found.push({ rule: 'clipped', where, text: sample, detail: `content ${element.scrollWidth}×${element.scrollHeight} in a ${element.clientWidth}×${element.clientHeight} box` });
        // Either way its lines run past its own box by design: cut there, not drawn across a border.
        continue;
      }
    }

    // crosses / outside: where the text's lines are drawn.
    const lines = ownText.flatMap((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return [...range.getClientRects()].filter((rect) => rect.width > 0);
    });
    if (control) {
      const rect = element.getBoundingClientRect();
      if (rect.right > viewport + tolerance) found.push({ rule: 'outside', where, text: sample, detail: `right edge ${Math.round(rect.right)} > ${viewport}` });
      continue;
    }
    let reported = false;
    let scrolled = false;
    for (let ancestor: Element | null = element; ancestor && !reported; ancestor = ancestor.parentElement) {
      const ancestorStyle = getComputedStyle(ancestor);
      if (ancestor !== element && scrolls(ancestorStyle) && ancestor !== document.documentElement && ancestor !== document.body) {
        scrolled = true;
        break;
      }
      if (ancestorStyle.display !== 'inline' && ancestorStyle.display !== 'contents') {
        const box = ancestor.getBoundingClientRect();
        const out = lines.find((line) => line.right > box.right + tolerance || line.left < box.left - tolerance);
        if (out) {
          found.push({
            rule: 'crosses',
            where,
            text: sample,
            detail: `a line at ${Math.round(out.left)}–${Math.round(out.right)} px crosses ${ancestor === element ? 'its own box' : describe(ancestor)} (${Math.round(box.left)}–${Math.round(box.right)} px)`,
          });
          reported = true;
        }
      }
      if (['absolute', 'fixed'].includes(ancestorStyle.position)) break;
      if (ancestor.parentElement === null && ancestor.getRootNode() instanceof ShadowRoot) break;
    }
    if (reported || scrolled) continue;
    const outside = lines.find((line) => line.right > viewport + tolerance || line.left < -tolerance);
    if (outside) found.push({ rule: 'outside', where, text: sample, detail: `a line at ${Math.round(outside.left)}–${Math.round(outside.right)} px, the surface is 0–${viewport} px` });
  }
  return found;
}

/**
 * The checker as a script for page.evaluate. `__name`: what esbuild's keepNames (tsx) wraps nested
 * functions in; the page has no such helper.
 */
const CHECKER = `((__name) => ${findOverflows.toString()})((f) => f)`;

/** The overflows of an extension page (popup, dashboard): its whole document. */
export async function pageOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(`${CHECKER}(document)`) as Promise<Overflow[]>;
}

/** The overflows inside the badge: its shadow root, handed to the page by revealBadge (tests/e2e/badge.ts). */
export async function badgeOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(`(() => {
    const root = document.querySelector('microscope-badge')?.shadowRoot;
    if (!root) throw new Error('no revealed badge: call revealBadge first');
    return ${CHECKER}(root);
  })()`) as Promise<Overflow[]>;
}

/** One line per overflow, for a failure message. */
export const formatOverflows = (overflows: readonly Overflow[]): string =>
  overflows.map((overflow) => `${overflow.rule}: "${overflow.text}" at ${overflow.where}: ${overflow.detail}`).join('\n');

/** Opens every <details> in `root` (the document, or the revealed badge's shadow root) so its text is checked too. */
export async function unfoldAll(page: Page, scope: 'document' | 'badge'): Promise<void> {
  await page.evaluate((where) => {
    const root = where === 'badge' ? document.querySelector('microscope-badge')?.shadowRoot : document;
    for (const details of root?.querySelectorAll('details') ?? []) details.open = true;
  }, scope);
}
