/**
 * Small DOM helpers shared by every site adapter. Pure reads of the page: nothing here writes to
 * the host DOM and nothing throws into it.
 *
 * Realm-neutral on purpose: no `instanceof HTMLElement` (fixtures parsed in another happy-dom
 * Window, and Firefox's content-script Xray wrappers, both break `instanceof`).
 */

import { boundedLanguageTag } from './locale-tag';

type StyleLookup = (el: Element) => { display: string } | undefined;

function computedStyleOf(el: Element): StyleLookup {
  const view = el.ownerDocument?.defaultView;
  return (node) => {
    try {
      return view?.getComputedStyle(node) ?? undefined;
    } catch {
      return undefined;
    }
  };
}

/** The page has laid itself out (a real browser); false in happy-dom/jsdom, which have no layout. */
function hasLayout(doc: Document): boolean {
  const root = doc.documentElement as (Element & { offsetWidth?: number }) | null;
  return typeof root?.offsetWidth === 'number' && root.offsetWidth > 0;
}

/**
 * Whether the user can see `el`: connected, no `hidden` / `aria-hidden="true"` ancestor, not
 * `display: none`. Uses `checkVisibility()` when the browser has it, else layout
 * (`offsetParent` / `getClientRects`), else (happy-dom, no layout) the computed `display` of each
 * ancestor.
 */
export function isVisible(el: Element | null | undefined): boolean {
  try {
    if (!el || !el.isConnected) return false;
    // happy-dom's checkVisibility() ignores the `hidden` attribute (it has no UA stylesheet rule).
    if (el.closest('[hidden], [aria-hidden="true"]')) return false;
    const withApi = el as Element & { checkVisibility?: () => boolean };
    if (typeof withApi.checkVisibility === 'function') return withApi.checkVisibility();

    const doc = el.ownerDocument;
    if (hasLayout(doc)) {
      const box = el as Element & { offsetParent?: Element | null };
      if (box.offsetParent) return true;
      if (el.getClientRects().length > 0) return true;
      // position:fixed elements have no offsetParent; an empty rect list means no box at all.
      return false;
    }
    const style = computedStyleOf(el);
    for (let node: Element | null = el; node; node = node.parentElement) {
      if (style(node)?.display === 'none') return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The first visible element matching the selectors, tried in order (the first selector that has a
 * visible match wins). `accept` filters candidates further, e.g. "its href names this handle".
 */
export function firstVisible<E extends Element = Element>(
  root: ParentNode | null | undefined,
  selectors: readonly string[],
  accept?: (el: E) => boolean,
): E | undefined {
  if (!root) return undefined;
  for (const selector of selectors) {
    let matches: NodeListOf<E>;
    try {
      matches = root.querySelectorAll<E>(selector);
    } catch {
      continue; // A selector this engine does not support: try the next alternative.
    }
    for (const el of matches) {
      try {
        // The filter first: it is usually cheaper than computing styles.
        if ((!accept || accept(el)) && isVisible(el)) return el;
      } catch {
        // A throwing filter means "not this one".
      }
    }
  }
  return undefined;
}

/**
 * The element's text with whitespace (including no-break spaces) collapsed and trimmed; '' for null.
 * @example textOf(<span> 12,3 <b>Mio.</b>\n</span>) // '12,3 Mio.'
 */
export function textOf(el: Node | null | undefined): string {
  return (el?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The page's language from `<html lang>` (e.g. 'de', 'pt-BR'), or 'en' when unset or not a bounded language tag. */
export function pageLocale(doc: Document): string {
  try {
    // Bounded: the page decides this text, and count.ts keeps what it learns per locale in storage.
    return boundedLanguageTag(doc.documentElement?.getAttribute('lang')) ?? 'en';
  } catch {
    return 'en';
  }
}

/** The parsed JSON of the first script matching `selector`, or undefined (missing, empty, invalid). */
export function readJsonScript(doc: Document, selector: string): unknown {
  try {
    const text = doc.querySelector(selector)?.textContent;
    if (!text?.trim()) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
