import { createRoot } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import badgeCss from '@/components/badge.css?inline';
import { BadgeApp, createBadgeState } from '@/components/BadgeApp';
import { BADGE_HOST_NAME, type BadgeHandle } from '@/lib/content-controller';
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

/** Mounts the badge after `anchor` in a shadow root, or floating at the top right without one. */
export async function mountBadge(
  ctx: ContentScriptContext,
  anchor: Element | null,
  view: ProfileView,
  signal: AbortSignal,
): Promise<BadgeHandle | undefined> {
  let root: ReturnType<typeof createRoot> | undefined;
  // Drawn again only when what it shows changed (BadgeState); Preact renders synchronously.
  const state = createBadgeState(view, () => draw());
  // Never inside a link or button of the page: a click on the badge would follow the link.
  const target = anchor?.closest('a, button, [role="link"], [role="button"]') ?? anchor;
  const floating = target === null;
  const theme = pageTheme(target);
  const draw = (): void => root?.render(<BadgeApp state={state} theme={theme} />);
  let host: HTMLElement | undefined;
  const ui = await createShadowRootUi(ctx, {
    name: BADGE_HOST_NAME,
    position: 'inline',
    anchor: target ?? document.body,
    append: floating ? 'last' : 'after',
    css: badgeCss,
    // Keys typed and clicks in the badge are ours: no site shortcut or click handler sees them.
    isolateEvents: ['keydown', 'keyup', 'keypress', 'click'],
    onMount(container, _shadow, shadowHost) {
      host = shadowHost;
      shadowHost.style.cssText = floating
        ? 'position:fixed;top:12px;right:12px;z-index:2147483647;'
        : 'display:inline-block;margin:4px 8px;vertical-align:middle;';
      const wrapper = document.createElement('div');
      if (floating) wrapper.className = 'ms-floating';
      container.append(wrapper);
      root = createRoot(wrapper);
      draw();
      return root;
    },
    onRemove(mounted) {
      state.stop();
      mounted?.unmount();
      root = undefined;
    },
  });
  if (signal.aborted) return undefined;
  ui.mount();
  const apply = (next: ProfileView): void => {
    if (!host) return;
    for (const [name, value] of Object.entries(badgeAttributes(next.verdict))) {
      if (value === undefined) host.removeAttribute(name);
      else if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    }
  };
  apply(view);
  return {
    floating,
    update(next) {
      apply(next);
      state.setView(next);
    },
    remove: () => ui.remove(),
    isAttached: () => host?.isConnected ?? false,
  };
}
