import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HEADER_RECHECK_MS, watchProfile } from '@/lib/profile-watch';
import type { ProfileSnapshot } from '@/lib/sites/types';
import { appendPosts, syntheticAdapter } from './synthetic-adapter';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

function page(posts: number): Document {
  document.body.innerHTML = '<h1 data-followers="5000">maya</h1><div id="grid"></div>';
  appendPosts(document, 0, posts);
  return document;
}

function start(doc: Document, overrides: Partial<Parameters<typeof watchProfile>[0]> = {}) {
  const { adapter, calls } = syntheticAdapter();
  const controller = new AbortController();
  const snapshots: ProfileSnapshot[] = [];
  let urlChanges = 0;
  const watch = watchProfile({
    adapter,
    handle: 'maya',
    doc,
    url: new URL('https://synthetic.test/maya/'),
    currentHref: () => 'https://synthetic.test/maya/',
    trustBootstrap: true,
    signal: controller.signal,
    onSnapshot: (snapshot) => snapshots.push(structuredClone(snapshot)),
    onUrlChanged: () => urlChanges++,
    batchMs: 0,
    ...overrides,
  });
  return { watch, calls, controller, snapshots, urlChanges: () => urlChanges };
}

describe('watchProfile', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reads the header and every post present at start, once', () => {
    const { snapshots, calls } = start(page(30));
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.followers?.value).toBe(5000);
    expect(snapshots[0]?.posts).toHaveLength(30);
    expect(calls.post).toBe(30);
  });

  it.each([100, 1000])('reads only the 12 added posts when the page already has %i', async (existing) => {
    const { snapshots, calls } = start(page(existing));
    calls.post = 0;
    appendPosts(document, existing, 12);
    await vi.waitFor(() => expect(snapshots.at(-1)?.posts).toHaveLength(existing + 12));
    expect(calls.post, 'work per batch must follow what was added, not the page').toBe(12);
  });

  it('re-reads a post whose count is rendered into it later, and only that post', async () => {
    document.body.innerHTML = '<h1 data-followers="5000">maya</h1><div id="grid"><article data-id="late"></article></div>';
    appendPosts(document, 0, 5);
    const { snapshots, calls } = start(document);
    expect(snapshots.at(-1)?.posts.find((post) => post.id === 'late')?.likes).toBeUndefined();
    calls.post = 0;
    document.querySelector('article[data-id="late"]')?.append(document.createTextNode('321'));
    await settle();
    expect(calls.post).toBe(1);
    expect(snapshots.at(-1)?.posts.find((post) => post.id === 'late')?.likes?.value).toBe(321);
  });

  it('counts a post rendered twice once, and keeps posts a virtual list dropped', async () => {
    const { snapshots } = start(page(3));
    appendPosts(document, 1, 1); // p1 again
    await settle();
    expect(snapshots.at(-1)?.posts.map((post) => post.id)).toEqual(['p0', 'p1', 'p2']);
    document.querySelector('#grid')?.firstElementChild?.remove();
    appendPosts(document, 3, 1);
    await settle();
    expect(snapshots.at(-1)?.posts.map((post) => post.id)).toEqual(['p0', 'p1', 'p2', 'p3']);
  });

  it('reports a header that renders late', async () => {
    document.body.innerHTML = '<div id="grid"></div>';
    const { snapshots } = start(document);
    expect(snapshots.at(-1)?.followers).toBeUndefined();
    document.body.insertAdjacentHTML('afterbegin', '<h1 data-followers="777">maya</h1>');
    await settle();
    expect(snapshots.at(-1)?.followers?.value).toBe(777);
  });

  it('does not report again when a mutation changed nothing it reads', async () => {
    const { snapshots } = start(page(3));
    document.body.append(document.createElement('footer'));
    await settle();
    expect(snapshots).toHaveLength(1);
  });

  it('stops observing when aborted: no report after abort', async () => {
    const { snapshots, controller } = start(page(3));
    controller.abort();
    appendPosts(document, 3, 12);
    await settle();
    expect(snapshots).toHaveLength(1);
  });

  describe('when a change is read (batchMs 50, a fake clock and timer queue)', () => {
    function timed(doc: Document, overrides: Partial<Parameters<typeof watchProfile>[0]> = {}) {
      let clock = 1000;
      const timers: { ms: number; run: () => void }[] = [];
      const started = start(doc, {
        batchMs: 50,
        now: () => clock,
        schedule: (run, ms) => timers.push({ ms, run }),
        ...overrides,
      });
      /** The mutation observer's callback runs as a microtask. */
      const observed = () => Promise.resolve();
      // The header re-check after a batch of posts alone (HEADER_RECHECK_MS) is not what these time.
      const reads = () => timers.filter((timer) => timer.ms !== HEADER_RECHECK_MS).map((timer) => timer.ms);
      const runTimer = () => {
        const index = timers.findIndex((timer) => timer.ms !== HEADER_RECHECK_MS);
        timers.splice(index, 1)[0]?.run();
      };
      return { ...started, reads, observed, runTimer, advance: (ms: number) => (clock += ms) };
    }

    it('reads a header rendered after a quiet spell in the next task, not after the batch delay', async () => {
      document.body.innerHTML = '<div id="grid"></div>';
      appendPosts(document, 0, 3);
      const { snapshots, reads, observed, runTimer, advance } = timed(document);
      advance(5000);
      document.body.insertAdjacentHTML('afterbegin', '<h1 data-followers="777">maya</h1>');
      await observed();
      expect(reads()).toEqual([0]);
      runTimer();
      expect(snapshots.at(-1)?.followers?.value).toBe(777);
    });

    it('batches changes that keep coming: at most one read per batchMs', async () => {
      const { snapshots, calls, reads, observed, runTimer, advance } = timed(page(3));
      appendPosts(document, 3, 12);
      await observed();
      expect(reads()).toEqual([0]);
      runTimer();
      expect(snapshots.at(-1)?.posts).toHaveLength(15);
      advance(10);
      appendPosts(document, 15, 12);
      await observed();
      appendPosts(document, 27, 12);
      await observed();
      // One read for both, at the end of the 50 ms after the last one.
      expect(reads()).toEqual([40]);
      calls.post = 0;
      advance(40);
      runTimer();
      expect(calls.post).toBe(24);
      expect(snapshots.at(-1)?.posts).toHaveLength(39);
      advance(200);
      appendPosts(document, 39, 1);
      await observed();
      expect(reads()).toEqual([0]);
    });

    it("ignores the badge's own host being mounted beside the header", async () => {
      const { calls, reads, observed } = timed(page(3), { ownNode: (node) => node.nodeName === 'MICROSCOPE-BADGE' });
      const headerReads = calls.header;
      document.querySelector('h1')?.after(document.createElement('microscope-badge'));
      await observed();
      expect(reads()).toEqual([]);
      document.querySelector('microscope-badge')?.remove();
      await observed();
      expect(reads()).toEqual([]);
      expect(calls.header).toBe(headerReads);
      // Anything else in the same batch still counts.
      document.querySelector('h1')?.after(document.createElement('microscope-badge'), document.createElement('span'));
      await observed();
      expect(reads()).toEqual([0]);
    });
  });

  it('says the URL changed instead of reading the new page under the old profile', async () => {
    let href = 'https://synthetic.test/maya/';
    const { snapshots, urlChanges } = start(page(3), { currentHref: () => href });
    href = 'https://synthetic.test/other/';
    document.querySelector('h1')?.setAttribute('data-followers', '1');
    appendPosts(document, 3, 12);
    await settle();
    expect(urlChanges()).toBe(1);
    expect(snapshots).toHaveLength(1);
  });
});
