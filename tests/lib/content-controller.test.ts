import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANCHOR_TIMEOUT_MS, createController, SETTLE_TIMEOUT_MS, type BadgeHandle } from '@/lib/content-controller';
import { noteText } from '@/lib/i18n';
import type { ProfileView } from '@/lib/model';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { appendPosts, syntheticAdapter } from './synthetic-adapter';

interface FakeBadge extends BadgeHandle {
  anchor: Element | null;
  views: ProfileView[];
  removed: boolean;
}

const lifetimes: AbortController[] = [];

function setup(options: { settings?: Partial<Settings>; initialUrl?: string; now?: () => number } = {}) {
  const { adapter, calls } = syntheticAdapter();
  const badges: FakeBadge[] = [];
  const published: (ProfileView | null)[] = [];
  const timers: { at: number; run: () => void }[] = [];
  /** Every delay the controller and its page watcher asked for, in order. */
  const requested: number[] = [];
  const lifetime = new AbortController();
  lifetimes.push(lifetime);
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const controller = createController({
    doc: document,
    adapters: [adapter],
    async mountBadge(anchor, view) {
      const element = document.createElement('microscope-badge');
      if (anchor) anchor.after(element);
      else document.body.append(element);
      const badge: FakeBadge = {
        anchor,
        views: [view],
        removed: false,
        floating: anchor === null,
        update(next) {
          this.views.push(next);
        },
        remove() {
          this.removed = true;
          element.remove();
        },
        isAttached: () => element.isConnected,
      };
      badges.push(badge);
      return badge;
    },
    publish: (view) => published.push(view),
    settings: () => settings,
    // Mutation batches run for real; the anchor and settle deadlines wait for runTimers().
    setTimeout: (run, ms) => {
      requested.push(ms);
      return ms >= 1000 ? timers.push({ at: ms, run }) : setTimeout(run, 0);
    },
    signal: lifetime.signal,
    initialUrl: options.initialUrl ?? 'https://synthetic.test/maya/',
    currentHref: () => href,
    ...(options.now ? { now: options.now } : {}),
  });
  let href = options.initialUrl ?? 'https://synthetic.test/maya/';
  const navigate = (url: string) => {
    href = url;
    controller.navigate(url);
  };
  const runTimers = (upTo: number) => {
    for (const timer of timers.splice(0).filter((t) => t.at <= upTo)) timer.run();
  };
  return { controller, navigate, badges, published, runTimers, lifetime, timers, requested, calls };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('content controller', () => {
  afterEach(() => {
    for (const lifetime of lifetimes.splice(0)) lifetime.abort();
  });

  beforeEach(() => {
    document.body.innerHTML = '<h1 data-followers="5000">maya</h1><div id="grid"></div>';
    appendPosts(document, 0, 5, 250);
  });

  it('mounts one badge beside the anchor with the profile read from the page', async () => {
    const { navigate, badges, published } = setup();
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(badges).toHaveLength(1);
    expect(badges[0]?.anchor?.tagName).toBe('H1');
    const view = badges[0]?.views.at(-1);
    expect(view?.verdict.handle).toBe('maya');
    expect(view?.verdict.followers?.value).toBe(5000);
    expect(view?.verdict.tier?.tier).toBe('micro');
    // 250 likes / 5 000 followers on every post.
    expect(view?.verdict.engagement.ok && view.verdict.engagement.percent).toBeCloseTo(5, 6);
    expect(published.at(-1)?.verdict.handle).toBe('maya');
  });

  it('renders the first read once: one verdict, published once, mounted with the badge', async () => {
    const { navigate, badges, published } = setup();
    navigate('https://synthetic.test/maya/');
    expect(published).toHaveLength(1);
    expect(published[0]?.verdict.state).toBe('ok');
    await flush();
    expect(badges).toHaveLength(1);
    expect(badges[0]?.views).toHaveLength(1);
    expect(published).toHaveLength(1);
  });

  it('shows a header rendered after load in the next task, not after a batching delay', async () => {
    document.body.innerHTML = '<div id="grid"></div>';
    appendPosts(document, 0, 5, 250);
    const { navigate, badges, requested } = setup();
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(badges).toHaveLength(0); // no anchor yet, and the anchor timeout is seconds away
    requested.length = 0;
    document.body.insertAdjacentHTML('afterbegin', '<h1 data-followers="5000">maya</h1>');
    await Promise.resolve(); // the mutation observer's callback
    expect(requested).toEqual([0]);
    await flush(); // that task: read, render, mount
    await flush();
    expect(badges).toHaveLength(1);
    expect(badges[0]?.anchor?.tagName).toBe('H1');
    const verdict = badges[0]?.views.at(-1)?.verdict;
    expect(verdict?.state).toBe('ok');
    expect(verdict?.engagement.ok && verdict.engagement.percent).toBeCloseTo(5, 6);
  });

  it('does not re-read the page for its own badge being mounted', async () => {
    const { navigate, badges, requested } = setup();
    navigate('https://synthetic.test/maya/');
    requested.length = 0;
    await flush();
    expect(badges).toHaveLength(1);
    await flush();
    // Only the controller's own deadlines, no page read for the badge's insertion.
    expect(requested.filter((ms) => ms < 1000)).toEqual([]);
  });

  it('does not mount twice when the page keeps changing', async () => {
    const { navigate, badges } = setup();
    navigate('https://synthetic.test/maya/');
    appendPosts(document, 5, 12, 250);
    appendPosts(document, 17, 12, 250);
    await vi.waitFor(() => expect(badges[0]?.views.at(-1)?.snapshot.posts).toHaveLength(29));
    expect(badges).toHaveLength(1);
    expect(document.querySelectorAll('microscope-badge')).toHaveLength(1);
  });

  it('removes the old badge before anything of the next profile is read', async () => {
    const { navigate, badges, published } = setup();
    navigate('https://synthetic.test/maya/');
    await flush();
    document.body.innerHTML = '<h1 data-followers="90000">omar</h1><div id="grid"></div>';
    navigate('https://synthetic.test/omar/');
    expect(badges[0]?.removed).toBe(true);
    await flush();
    expect(badges).toHaveLength(2);
    expect(badges[0]?.views.every((view) => view.verdict.handle === 'maya')).toBe(true);
    expect(badges[1]?.views.every((view) => view.verdict.handle === 'omar')).toBe(true);
    expect(published.at(-1)?.verdict.followers?.value).toBe(90000);
  });

  it('keeps what a profile showed when the user opens a post and comes back (its tiles gone meanwhile)', async () => {
    const { navigate, published } = setup();
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(published.at(-1)?.snapshot.posts).toHaveLength(5);
    // A post opened: the URL is not a profile; the grid re-renders without the tiles' counts.
    navigate('https://synthetic.test/p/abc/');
    document.getElementById('grid')!.innerHTML = '';
    appendPosts(document, 5, 2, 300);
    navigate('https://synthetic.test/maya/');
    await flush();
    const posts = published.at(-1)?.snapshot.posts ?? [];
    expect(posts.map((post) => post.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(posts.map((post) => post.likes?.value)).toEqual([250, 250, 250, 250, 250, 300, 300]);
    // The same URL again (a re-read) forgets what this visit read: the earlier visit's posts and the page now.
    document.getElementById('grid')!.innerHTML = '';
    appendPosts(document, 9, 1, 400);
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(published.at(-1)?.snapshot.posts.map((post) => post.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p9']);
    // Another profile starts from its own page only.
    document.body.innerHTML = '<h1 data-followers="90000">omar</h1><div id="grid"></div>';
    navigate('https://synthetic.test/omar/');
    await flush();
    expect(published.at(-1)?.snapshot.posts).toEqual([]);
  });

  it('shows nothing on a page that is not a profile and clears the toolbar', async () => {
    const { controller, navigate, badges, published } = setup();
    navigate('https://synthetic.test/maya/');
    await flush();
    navigate('https://synthetic.test/explore/more/');
    expect(badges[0]?.removed).toBe(true);
    expect(published.at(-1)).toBeNull();
    expect(controller.current()).toBeNull();
  });

  it('floats the badge when no anchor appears within the timeout, then moves it to the anchor', async () => {
    document.body.innerHTML = '<div id="grid"></div>';
    const { navigate, badges, runTimers } = setup();
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(badges).toHaveLength(0);
    runTimers(ANCHOR_TIMEOUT_MS);
    await flush();
    expect(badges[0]?.floating).toBe(true);
    document.body.insertAdjacentHTML('afterbegin', '<h1 data-followers="5000">maya</h1>');
    await vi.waitFor(() => expect(badges[1]?.anchor?.tagName).toBe('H1'));
    expect(badges[0]?.removed).toBe(true);
  });

  it('says "unknown" with the reason once the page had its time and no follower count came', async () => {
    document.body.innerHTML = '<h1>maya</h1>';
    const { navigate, badges, runTimers } = setup();
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(badges[0]?.views.at(-1)?.verdict.state).toBe('loading');
    runTimers(SETTLE_TIMEOUT_MS);
    await flush();
    const verdict = badges[0]?.views.at(-1)?.verdict;
    expect(verdict?.state).toBe('unknown');
    expect(verdict?.notes.map(noteText)).toContain('Follower count not shown yet: the profile header has not loaded.');
  });

  it('mounts no badge when the badge is switched off, but still tells the toolbar', async () => {
    const { navigate, badges, published } = setup({ settings: { badge: false } });
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(badges).toHaveLength(0);
    expect(published.at(-1)?.verdict.handle).toBe('maya');
  });

  it('ignores a platform switched off in the settings', async () => {
    const { navigate, badges, published } = setup({
      settings: { platforms: { ...DEFAULT_SETTINGS.platforms, instagram: false } },
    });
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(badges).toHaveLength(0);
    expect(published).toEqual([null]);
  });

  it('measures post ages and activity with its clock; growth stays unknown without a saved history', async () => {
    const DAY = 86_400_000;
    let clock = Date.UTC(2026, 11, 6, 12);
    const { navigate, published, runTimers, calls } = setup({ now: () => clock });
    document.querySelector('#grid')!.innerHTML = [0, 1, 2, 3, 4, 5]
      .map((index) => `<article data-id="d${index}" data-likes="${100 + index}" data-age-days="${40 + 7 * index}"></article>`)
      .join('');
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(calls.readAt, 'the reader counts ages back from the controller\'s clock').toEqual([Date.UTC(2026, 11, 6, 12)]);
    let signals = published.at(-1)!.verdict.signals!;
    expect(signals.activity).toMatchObject({ dated: 6, newestAt: Date.UTC(2026, 11, 6, 12) - 40 * DAY, daysSinceNewest: 40 });
    expect(signals.activity!.postsPerWeek).toBeCloseTo(1, 10); // 5 intervals over 35 days
    expect(signals.flags).toContain('inactive');
    expect(signals.signals.find((signal) => signal.id === 'growth-spike')).toEqual({ id: 'growth-spike', state: 'unknown', reason: 'no-history' });

    // Ten days later the same page's posts are ten days older.
    clock += 10 * DAY;
    runTimers(SETTLE_TIMEOUT_MS);
    signals = published.at(-1)!.verdict.signals!;
    expect(signals.activity?.daysSinceNewest).toBe(50);
  });

  it('reads "N days ago" on the verdict\'s clock: a post read as 2 days old is 2 days old to the verdict, whatever the second', async () => {
    // Half a minute past the minute: the verdict's clock is to the minute, and so is the reading's.
    const clock = Date.UTC(2026, 11, 6, 12, 0, 30, 500);
    const { navigate, published, calls } = setup({ now: () => clock });
    document.querySelector('#grid')!.innerHTML = [0, 1, 2, 3, 4].map((index) => `<article data-id="e${index}" data-likes="90" data-age-days="${2 + index}"></article>`).join('');
    navigate('https://synthetic.test/maya/');
    await flush();
    expect(calls.readAt).toEqual([Date.UTC(2026, 11, 6, 12)]);
    expect(published.at(-1)!.verdict.signals!.activity).toMatchObject({ newestAt: Date.UTC(2026, 11, 4, 12), daysSinceNewest: 2 });
  });

  it('tears everything down when the extension context goes away', async () => {
    const { navigate, badges, lifetime } = setup();
    navigate('https://synthetic.test/maya/');
    await flush();
    lifetime.abort();
    expect(badges[0]?.removed).toBe(true);
    appendPosts(document, 5, 12);
    await flush();
    expect(badges).toHaveLength(1);
  });
});
