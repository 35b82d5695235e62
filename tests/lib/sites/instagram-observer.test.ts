import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ASK_EVENT, readPosts, TELL_EVENT } from '../../../lib/sites/instagram/channel';
import { connectPostsFeed } from '../../../lib/sites/instagram/feed';
import { installPostsObserver, MAX_KEPT } from '../../../lib/sites/instagram/observer';
import { MAX_BODY_CHARS, type PageDataPost } from '../../../lib/sites/instagram/page-data';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'instagram');
const POSTS = readFileSync(join(FIXTURES, 'posts-query.json'), 'utf8');
const ORIGIN = 'https://www.instagram.com';

/** The page's XMLHttpRequest, as far as the observer uses it: answers `body` one task after send(). */
class FakeXhr extends EventTarget {
  static body = '';
  responseType: XMLHttpRequestResponseType = '';
  responseText = '';
  response: unknown = '';
  url = '';
  open(_method: string, url: string): void {
    this.url = url;
  }
  send(_body?: unknown): void {
    setTimeout(() => {
      this.responseText = FakeXhr.body;
      this.response = this.responseType === 'json' ? JSON.parse(FakeXhr.body) : FakeXhr.body;
      this.dispatchEvent(new Event('load'));
    }, 0);
  }
}

interface Page {
  win: Window & typeof globalThis;
  doc: Document;
  /** What the page's original fetch was called with, and the responses it gave. */
  calls: string[];
  responses: Response[];
  /** Every message the observer told, parsed. */
  told: PageDataPost[][];
}

/** A page world: its own document, its fetch (answering `body` for every URL), its XHR. */
function page(body: (url: string) => string = () => POSTS): Page {
  const doc = document.implementation.createHTMLDocument('page');
  const calls: string[] = [];
  const responses: Response[] = [];
  const originalFetch = function fetch(input: RequestInfo | URL, _init?: RequestInit): Promise<Response> {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    const response = new Response(body(url), { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    responses.push(response);
    return Promise.resolve(response);
  };
  const win = {
    document: doc,
    fetch: originalFetch,
    XMLHttpRequest: class extends FakeXhr {},
    CustomEvent,
    URL,
    Request,
    URLSearchParams,
    EventTarget,
    setTimeout,
    location: { origin: ORIGIN, href: `${ORIGIN}/mara.kiln/` },
  } as unknown as Window & typeof globalThis;
  const told: PageDataPost[][] = [];
  doc.addEventListener(TELL_EVENT, (event) => told.push(readPosts((event as CustomEvent).detail)));
  return { win, doc, calls, responses, told };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const ask = (doc: Document) => doc.dispatchEvent(new CustomEvent(ASK_EVENT));

afterEach(() => vi.restoreAllMocks());

describe('the posts observer in the page\'s world', () => {
  it('gives the page the very response it gets without us, and keeps the posts of the posts endpoint', async () => {
    const { win, doc, responses, told } = page();
    const original = win.fetch;
    installPostsObserver(win);
    expect(win.fetch).not.toBe(original);
    expect([win.fetch.name, win.fetch.length]).toEqual([original.name, original.length]);

    const response = await win.fetch('/graphql/query', { method: 'POST', body: 'doc_id=1' });
    expect(response).toBe(responses[0]);
    expect(await response.text(), 'the page reads its body whole, after our copy').toBe(POSTS);
    await settle();
    expect(told, 'nothing is said before the content script asks').toEqual([]);
    ask(doc);
    expect(told).toHaveLength(1);
    expect(told[0]!.map((post) => post.code)).toHaveLength(12);
    expect(told[0]![0]).toMatchObject({ code: 'DMk1PinA001', likes: 52410, owner: 'mara.kiln', pinned: true });

    // Once asked, each new batch is told as it comes.
    await win.fetch(new URL(`${ORIGIN}/api/graphql`));
    await settle();
    expect(told).toHaveLength(2);
  });

  it.each([
    ['another endpoint of the page', '/api/v1/users/web_profile_info/?username=mara.kiln'],
    ['another origin', 'https://evil.example/graphql/query'],
    ['a page path that only looks alike', '/graphql/query/../../mara.kiln/'],
  ])('reads nothing from %s (no copy of the response is made)', async (_case, url) => {
    const { win, doc, told } = page();
    installPostsObserver(win);
    const clone = vi.spyOn(Response.prototype, 'clone');
    const response = await win.fetch(url);
    expect(await response.text()).toBe(POSTS);
    await settle();
    ask(doc);
    expect(clone).not.toHaveBeenCalled();
    expect(told, 'nothing kept, nothing told').toEqual([]);
  });

  it.each([
    ['the home feed query', 'av=0&fb_api_req_friendly_name=PolarisFeedTimelineRootV2Query&doc_id=1', false],
    ['the stories tray', new URLSearchParams({ fb_api_req_friendly_name: 'PolarisStoriesV3TrayQuery', doc_id: '2' }), false],
    ['the profile posts query', 'av=0&fb_api_req_friendly_name=PolarisProfilePostsQuery&doc_id=3', true],
    ['the Reels tab query', new URLSearchParams({ fb_api_req_friendly_name: 'PolarisProfileReelsTabContentQuery_connection' }), true],
    ['an unnamed request', 'doc_id=4&variables=%7B%7D', true],
    ['an opened post', 'fb_api_req_friendly_name=PolarisPostActionLoadPostQueryQuery&variables=%7B%22shortcode%22%3A%22DMk1Pst0003%22%7D', true],
  ])('by the query name of its request: %s is read: %s', async (_case, body, read) => {
    const { win, doc, told } = page();
    installPostsObserver(win);
    const clone = vi.spyOn(Response.prototype, 'clone');
    const response = await win.fetch('/graphql/query', { method: 'POST', body });
    expect(await response.text()).toBe(POSTS);
    await settle();
    ask(doc);
    expect(clone).toHaveBeenCalledTimes(read ? 1 : 0);
    expect(told).toEqual(read ? [expect.any(Array)] : []);
    if (read) expect(told[0]).toHaveLength(12);
  });

  it('parses no answer without a profile timeline in it (the home feed carries like counts too)', async () => {
    const feed = JSON.stringify({ data: { xdt_api__v1__feed__timeline__connection: { edges: [{ node: { media: { code: 'Feed0000001', like_count: 5, user: { username: 'mara.kiln' } } } }] } } });
    const { win, doc, told } = page(() => feed);
    installPostsObserver(win);
    const parse = vi.spyOn(JSON, 'parse');
    await (await win.fetch('/graphql/query')).text();
    await settle();
    // (happy-dom's Headers parse JSON of their own: only the body counts here.)
    expect(parse.mock.calls.filter(([text]) => String(text).includes('Feed0000001'))).toEqual([]);
    ask(doc);
    expect(told, 'nothing kept, nothing told').toEqual([]);
  });

  it.each([
    ['an oversize body', `${POSTS}${' '.repeat(MAX_BODY_CHARS)}`],
    ['a body that is not JSON', `<!DOCTYPE html>"like_count"${POSTS.slice(0, 4000)}`],
  ])('ignores %s, and the page still gets it whole', async (_case, body) => {
    const { win, doc, told } = page(() => body);
    installPostsObserver(win);
    const response = await win.fetch('/graphql/query');
    expect(await response.text()).toBe(body);
    await settle();
    ask(doc);
    expect(told, 'nothing kept, nothing told').toEqual([]);
  });

  it('passes a failed request on as it failed, and throws nothing of its own', async () => {
    const { win } = page();
    const failure = new TypeError('Failed to fetch');
    win.fetch = () => Promise.reject(failure);
    installPostsObserver(win);
    await expect(win.fetch('/graphql/query')).rejects.toBe(failure);
    // A URL object whose string form is the page's own: not called by us.
    const tricky = { toString: vi.fn(() => '/graphql/query') };
    await expect(win.fetch(tricky as unknown as string)).rejects.toBe(failure);
    expect(tricky.toString).not.toHaveBeenCalled();
  });

  it('reads XMLHttpRequest answers after load, text or JSON, leaving them as they are', async () => {
    const { win, doc, told } = page();
    const Xhr = win.XMLHttpRequest as unknown as typeof FakeXhr;
    const { open, send } = Xhr.prototype;
    installPostsObserver(win);
    expect([Xhr.prototype.open.name, Xhr.prototype.open.length, Xhr.prototype.send.name]).toEqual([open.name, open.length, send.name]);
    FakeXhr.body = POSTS;
    ask(doc);
    for (const responseType of ['', 'json'] as const) {
      const xhr = new Xhr();
      xhr.responseType = responseType;
      const loaded = new Promise<void>((resolve) => xhr.addEventListener('load', () => resolve()));
      xhr.open('POST', '/graphql/query');
      xhr.send('doc_id=1');
      await loaded;
      expect(xhr.responseText).toBe(POSTS);
      await settle();
    }
    expect(told.map((batch) => batch.length)).toEqual([12, 12]);
    // Another endpoint: not read.
    const other = new Xhr();
    other.open('GET', '/api/v1/web/search/topsearch/');
    other.send();
    await settle();
    expect(told).toHaveLength(2);
  });

  it(`keeps at most ${MAX_KEPT} posts, the latest`, async () => {
    let batch = 0;
    const body = (n: number) =>
      JSON.stringify({
        data: {
          xdt_api__v1__feed__user_timeline_graphql_connection: {
            edges: Array.from({ length: 50 }, (_, at) => ({ node: { code: `Code${n}x${String(at).padStart(3, '0')}`, like_count: at, user: { username: 'mara.kiln' } } })),
          },
        },
      });
    const { win, doc, told } = page(() => body(batch++));
    installPostsObserver(win);
    for (let i = 0; i < 10; i++) await win.fetch('/graphql/query');
    await settle();
    ask(doc);
    expect(told[0]).toHaveLength(MAX_KEPT);
    expect([told[0]![0]!.code, told[0]!.at(-1)!.code], 'the four oldest batches went').toEqual(['Code4x000', 'Code9x049']);
  });
});

describe('the content script\'s end of the channel', () => {
  it('asks once, keeps what is told (checked), and tells its listeners', () => {
    const doc = document.implementation.createHTMLDocument('page');
    const asked = vi.fn(() => doc.dispatchEvent(new CustomEvent(TELL_EVENT, { detail: JSON.stringify([{ code: 'DMk1Pst0003', from: 'timeline', owner: 'mara.kiln', likes: 3120 }]) })));
    doc.addEventListener(ASK_EVENT, asked);
    const run = new AbortController();
    const tasks: (() => void)[] = [];
    const nextTask = () => tasks.splice(0).forEach((task) => task());
    const feed = connectPostsFeed(doc, run.signal, (task) => tasks.push(task));
    expect(asked).toHaveBeenCalledTimes(1);
    expect(feed.posts(), 'nothing is read inside the dispatcher\'s call').toEqual([]);
    nextTask();
    expect(feed.posts()).toEqual([{ code: 'DMk1Pst0003', from: 'timeline', owner: 'mara.kiln', likes: 3120 }]);
    const heard = vi.fn();
    feed.subscribe(heard);
    const tell = (detail: unknown) => doc.dispatchEvent(new CustomEvent(TELL_EVENT, { detail }));
    tell({ code: 'DMk1Pst0003', likes: 1 });
    tell('not json');
    tell(JSON.stringify([{ code: 'DMk1Pst0003', from: 'timeline', owner: 'mara.kiln', likes: 3125 }]));
    expect(tasks, 'one task for the messages of one turn').toHaveLength(1);
    nextTask();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(feed.posts()[0]!.likes, 'the page may send new numbers, as it may render them').toBe(3125);
    // A flood: at most 20 messages wait for the next task, the latest.
    for (let i = 0; i < 100; i++) tell(JSON.stringify([{ code: `Flood${String(i).padStart(3, '0')}`, from: 'timeline', likes: i }]));
    expect(tasks).toHaveLength(1);
    nextTask();
    expect(feed.posts()).toHaveLength(21);
    expect(feed.posts()[1]!.code).toBe('Flood080');
    expect(feed.posts().at(-1)!.code).toBe('Flood099');
    expect(heard).toHaveBeenCalledTimes(21);
    run.abort();
    tell(JSON.stringify([{ code: 'DMk1Pst0004', from: 'timeline', likes: 1 }]));
    nextTask();
    expect(feed.posts()).toHaveLength(21);
    expect(heard).toHaveBeenCalledTimes(21);
  });
});
