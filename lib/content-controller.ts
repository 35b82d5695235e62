import type { ProfileView } from './model';
import { watchProfile } from './profile-watch';
import type { Settings } from './settings';
import { adapterFor } from './sites';
import type { PageDataFeed, PostCounts, ProfileSnapshot, SiteAdapter } from './sites/types';
import { buildVerdict } from './verdict';

/** A mounted badge. The content script implements it with a shadow-root UI; tests with plain DOM. */
export interface BadgeHandle {
  update(view: ProfileView): void;
  remove(): void;
  /** False once the site re-rendered the node the badge was attached to. */
  isAttached(): boolean;
  readonly floating: boolean;
}

export interface ControllerDeps {
  doc: Document;
  adapters: readonly SiteAdapter[];
  /** Mounts the badge after `anchor`, or floating at the top right when anchor is null. */
  mountBadge(anchor: Element | null, view: ProfileView, signal: AbortSignal): Promise<BadgeHandle | undefined>;
  /** Tells the rest of the extension (toolbar badge, popup) what this tab shows; null = no profile. */
  publish(view: ProfileView | null): void;
  settings(): Settings;
  setTimeout(callback: () => void, ms: number): unknown;
  /** The extension's lifetime: aborted on extension reload or update. */
  signal: AbortSignal;
  /** Where the page was loaded: bootstrap data is trusted only for this profile. */
  initialUrl: string;
  /** Called when a mutation shows that the URL changed before the navigation event arrived. */
  onUrlChanged?: () => void;
  /** The document's current URL (injectable for tests). */
  currentHref?: () => string;
  /**
   * Wall-clock epoch ms (injectable for tests; default Date.now): what post ages ("3 weeks ago")
   * count back from and what the activity signals measure to.
   */
  now?: () => number;
  /** Posts the page's own requests carried (Instagram's observer, lib/sites/instagram/feed.ts). */
  pageData?: PageDataFeed;
}

/** The badge host's element name (entrypoints/content-main/mount-badge.tsx): the page watcher ignores it. */
export const BADGE_HOST_NAME = 'microscope-badge';

/** How long the badge waits for its anchor before it floats at the top right. */
export const ANCHOR_TIMEOUT_MS = 3000;
/** How long "loading" may last before the verdict says what could not be read. */
/** The verdict's clock resolution (see render). */
const MINUTE_MS = 60_000;
/** A time to the minute below it. */
const toMinute = (time: number): number => Math.floor(time / MINUTE_MS) * MINUTE_MS;

export const SETTLE_TIMEOUT_MS = 6000;

/**
 * Profile tabs whose posts are remembered within a document, and posts per tab: what the user
 * revealed (Instagram's hover overlays) is not lost when they open a post (the URL becomes
 * /p/CODE/) or visit another profile and come back (issue 15, item 4). Only where the adapter
 * says its grid reveals counts on demand (SiteAdapter.revealsCountsOnDemand).
 */
const REMEMBERED_TABS = 5;
const REMEMBERED_POSTS = 500;

/**
 * The content script's brain, free of WXT so tests can drive it: on every navigation it drops the
 * previous profile's work and badge first, then picks the adapter, follows the page and keeps
 * one badge in sync with what the page shows.
 */
export function createController(deps: ControllerDeps) {
  const { doc } = deps;
  const now = deps.now ?? (() => Date.now());
  let run: AbortController | undefined;
  let view: ProfileView | null = null;
  let lastSnapshot: ProfileSnapshot | undefined;
  let settled = false;
  let badge: BadgeHandle | undefined;
  let mounting = false;
  let anchorDeadlinePassed = false;
  let reader: { anchor(): Element | null } = { anchor: () => null };

  const initial = adapterFor(deps.initialUrl, deps.adapters);
  /** Posts read per profile tab (platform and path) in this document, latest visit last. */
  const remembered = new Map<string, PostCounts[]>();
  let visiting: string | undefined;

  /** `next`: the URL navigated to; the same URL again is a re-read, which forgets what was read. */
  const teardown = (next?: string): void => {
    if (visiting !== undefined && lastSnapshot && lastSnapshot.posts.length > 0 && next !== view?.url) {
      remembered.delete(visiting);
      remembered.set(visiting, lastSnapshot.posts.slice(0, REMEMBERED_POSTS));
      for (const key of remembered.keys()) {
        if (remembered.size <= REMEMBERED_TABS) break;
        remembered.delete(key);
      }
    }
    visiting = undefined;
    run?.abort();
    run = undefined;
    badge?.remove();
    badge = undefined;
    mounting = false;
    view = null;
    lastSnapshot = undefined;
    reader = { anchor: () => null };
  };

  // Extension reloaded or updated: this script's page work ends here, quietly.
  deps.signal.addEventListener('abort', () => teardown(), { once: true });

  const ensureBadge = (signal: AbortSignal): void => {
    if (!view || mounting) return;
    if (badge?.isAttached()) {
      // Floating only until the anchor shows up: then move beside the name.
      if (!badge.floating) return;
      if (!reader.anchor()) return;
    }
    const anchor = reader.anchor();
    if (!anchor && !anchorDeadlinePassed) return;
    mounting = true;
    const old = badge;
    const shown = view;
    deps
      .mountBadge(anchor, shown, signal)
      .then((mounted) => {
        mounting = false;
        if (signal.aborted || !mounted) {
          mounted?.remove();
          return;
        }
        old?.remove();
        badge = mounted;
        // Rendered again while it mounted: show the latest.
        if (view && view !== shown) badge.update(view);
      })
      .catch((error: unknown) => {
        mounting = false;
        console.warn('[MicroScope] could not mount the badge', error);
      });
  };

  const render = (signal: AbortSignal, url: string): void => {
    if (signal.aborted || !lastSnapshot) return;
    // No saved history here (the controller has no shortlist to read): the growth signal stays
    // unknown ('no-history') in the verdict the content script makes.
    // The clock to the minute: the verdict (days since the newest post) stays the same object's
    // worth between the page's mutations, so the badge is not drawn again for a clock's tick.
    const verdict = buildVerdict(lastSnapshot, deps.settings(), settled ? 'settled' : 'reading', { now: toMinute(now()) });
    view = { url, snapshot: lastSnapshot, verdict };
    badge?.update(view);
    deps.publish(view);
    if (deps.settings().badge) ensureBadge(signal);
    else if (badge) {
      badge.remove();
      badge = undefined;
    }
  };

  const navigate = (href: string): void => {
    teardown(href);
    const found = adapterFor(href, deps.adapters);
    if (!found || !deps.settings().platforms[found.adapter.platform] || deps.signal.aborted) {
      deps.publish(null);
      return;
    }
    const controller = new AbortController();
    run = controller;
    const { signal } = controller;
    deps.signal.addEventListener('abort', () => controller.abort(), { once: true, signal });
    settled = false;
    anchorDeadlinePassed = false;
    const url = new URL(href);
    const trustBootstrap =
      initial !== undefined &&
      initial.adapter === found.adapter &&
      initial.handle.toLowerCase() === found.handle.toLowerCase();

    reader = { anchor: () => null };
    visiting = found.adapter.revealsCountsOnDemand ? `${found.adapter.platform} ${url.pathname.toLowerCase().replace(/\/?$/, '/')}` : undefined;
    const seedPosts = visiting === undefined ? undefined : remembered.get(visiting);
    // The first snapshot comes from inside watchProfile, before its reader (the anchor) is known
    // here: it is rendered once, right after, with the badge.
    let starting = true;
    const watch = watchProfile({
      adapter: found.adapter,
      handle: found.handle,
      doc,
      url,
      signal,
      trustBootstrap,
      // On the verdict's clock: "2 days ago" read now is 2 days old to the verdict, not 1 day 23:59.
      readAt: toMinute(now()),
      ...(deps.pageData && { pageData: deps.pageData }),
      ...(seedPosts && { seedPosts }),
      onSnapshot: (snapshot) => {
        lastSnapshot = snapshot;
        // The page says there is nothing more to read (private account, no uploads, hidden
        // subscribers): settle now rather than after SETTLE_TIMEOUT_MS.
        if (snapshot.final) settled = true;
        if (!starting) render(signal, href);
      },
      onUrlChanged: deps.onUrlChanged,
      currentHref: deps.currentHref,
      schedule: (callback, ms) => deps.setTimeout(callback, ms),
      // Mounting or moving the badge is no change of the profile: no re-read for it.
      ownNode: (node) => node.nodeName.toLowerCase() === BADGE_HOST_NAME,
    });
    starting = false;
    reader = watch.reader;
    render(signal, href);
    deps.setTimeout(() => {
      if (signal.aborted) return;
      anchorDeadlinePassed = true;
      ensureBadge(signal);
    }, ANCHOR_TIMEOUT_MS);
    deps.setTimeout(() => {
      if (signal.aborted) return;
      settled = true;
      lastSnapshot = watch.snapshot();
      render(signal, href);
    }, SETTLE_TIMEOUT_MS);
  };

  return {
    navigate,
    /** Re-computes the verdict with new settings, without re-reading the page. */
    refresh(): void {
      if (run && lastSnapshot && view) render(run.signal, view.url);
    },
    current: (): ProfileView | null => view,
    stop: teardown,
  };
}
