import { createRoot } from 'react-dom/client';
import badgeCss from '@/components/badge.css?inline';
import { BadgeApp, createBadgeState } from '@/components/BadgeApp';
import { BADGE_HOST_NAME, type BadgeHandle } from '@/lib/content-controller';
import type { Lifetime } from '@/lib/content-lifetime';
import type { ProfileView } from '@/lib/model';
import { badgeAttributes } from '@/lib/verdict';

/** Dark when the page's own background is dark (sites have their own theme switches). */
function pageTheme(anchor: Element | null): 'light' | 'dark' {
  let element: Element | null = anchor ?? document.body;
  while (element) {
    const colour = getComputedStyle(element).backgroundColor;
    const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(colour);
    if (match && (match[4] === undefined || Number(match[4]) > 0.5)) {
      const [r, g, b] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
      return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'dark' : 'light';
    }
    element = element.parentElement;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Events a page script could forge at the badge: inside the closed shadow root only the browser's
 * own (trusted) ones are let through to the badge's buttons. A click from the keyboard (Enter or
 * Space on a focused button) is trusted when the key press was; a synthetic keydown makes no click.
 */
const TRUSTED_ONLY = ['click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress'] as const;
/** Keys typed and clicks in the badge are ours: no site shortcut or click handler sees them. */
const KEPT_INSIDE = ['keydown', 'keyup', 'keypress', 'click'] as const;

/** Mounts the badge after `anchor` in a closed shadow root, or floating at the top right without one. */
export async function mountBadge(
  lifetime: Lifetime,
  anchor: Element | null,
  view: ProfileView,
  signal: AbortSignal,
): Promise<BadgeHandle | undefined> {
  if (signal.aborted || lifetime.signal.aborted) return undefined;
  // Drawn again only when what it shows changed (BadgeState); Preact renders synchronously.
  const state = createBadgeState(view, () => draw());
  // Never inside a link or button of the page: a click on the badge would follow the link.
  const target = anchor?.closest('a, button, [role="link"], [role="button"]') ?? anchor;
  const floating = target === null;
  const theme = pageTheme(target);

  const host = document.createElement(BADGE_HOST_NAME);
  // Closed: the page's scripts get null from host.shadowRoot, so they can neither read the badge
  // (whether this creator is shortlisted) nor reach its buttons (issue 14).
  const shadow = host.attachShadow({ mode: 'closed' });
  for (const type of TRUSTED_ONLY) {
    shadow.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
  }
  // The same tree WXT's shadow-root UI made, so badge.css renders as before: html > head > style, body > div.
  const html = document.createElement('html');
  const head = document.createElement('head');
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${badgeCss}`;
  head.append(style);
  const body = document.createElement('body');
  for (const type of KEPT_INSIDE) body.addEventListener(type, (event) => event.stopPropagation());
  html.append(head, body);
  shadow.append(html);
  host.style.cssText = floating
    ? 'position:fixed;top:12px;right:12px;z-index:2147483647;'
    : 'display:inline-block;margin:4px 8px;vertical-align:middle;';
  const wrapper = document.createElement('div');
  if (floating) wrapper.className = 'ms-floating';
  body.append(wrapper);

  const apply = (next: ProfileView): void => {
    // What the page shows and lib/ computes from it (lib/verdict.ts badgeAttributes): never the
    // user's own data (saved or not, tags, notes), which the page can read here.
    for (const [name, value] of Object.entries(badgeAttributes(next.verdict))) {
      if (value === undefined) host.removeAttribute(name);
      else if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    }
  };
  apply(view);
  const root = createRoot(wrapper);
  let removed = false;
  const draw = (): void => {
    if (!removed) root.render(<BadgeApp state={state} theme={theme} />);
  };
  draw();
  if (target) target.parentElement?.insertBefore(host, target.nextElementSibling);
  else document.body.append(host);

  let forget = (): void => undefined;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    forget();
    state.stop();
    root.unmount();
    host.remove();
  };
  forget = lifetime.onEnd(remove);
  return {
    floating,
    update(next) {
      apply(next);
      state.setView(next);
    },
    remove,
    isAttached: () => host.isConnected,
  };
}
