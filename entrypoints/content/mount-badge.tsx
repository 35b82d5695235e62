import { useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Badge } from '@/components/Badge';
import badgeCss from '@/components/badge.css?inline';
import type { BadgeHandle, ProfileView } from '@/lib/content-controller';
import { loadSavedProfile, saveProfileView, watchSavedProfile } from '@/lib/storage';
import { badgeAttributes } from '@/lib/verdict';

/** Keeps the latest view; the mounted component subscribes to it. */
function createViewStore(initial: ProfileView) {
  let view = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => view,
    set(next: ProfileView) {
      view = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function BadgeApp({ store, theme }: { store: ReturnType<typeof createViewStore>; theme: 'light' | 'dark' }) {
  const view = useSyncExternalStore(store.subscribe, store.get);
  const [expanded, setExpanded] = useState(false);
  const [saved, setSaved] = useState(false);
  const { platform, handle } = view.verdict;
  // Saved or not, as stored: a save or removal in the popup or dashboard shows here at once.
  useEffect(() => {
    let live = true;
    loadSavedProfile(platform, handle)
      .then((profile) => live && setSaved(profile !== undefined))
      .catch(() => undefined);
    const unwatch = watchSavedProfile(platform, handle, (profile) => setSaved(profile !== undefined));
    return () => {
      live = false;
      unwatch();
    };
  }, [platform, handle]);
  const save = (): void => {
    saveProfileView(store.get())
      .then(() => setSaved(true))
      .catch((error: unknown) => console.warn('[MicroScope] could not save', error));
  };
  return (
    <Badge
      verdict={view.verdict}
      expanded={expanded}
      onToggle={() => setExpanded((open) => !open)}
      saved={saved}
      onSave={save}
      theme={theme}
    />
  );
}

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
  const store = createViewStore(view);
  // Never inside a link or button of the page: a click on the badge would follow the link.
  const target = anchor?.closest('a, button, [role="link"], [role="button"]') ?? anchor;
  const floating = target === null;
  const theme = pageTheme(target);
  let host: HTMLElement | undefined;
  const ui = await createShadowRootUi(ctx, {
    name: 'microscope-badge',
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
      const root = createRoot(wrapper);
      root.render(<BadgeApp store={store} theme={theme} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
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
      store.set(next);
    },
    remove: () => ui.remove(),
    isAttached: () => host?.isConnected ?? false,
  };
}
