import type { CountReading } from '../../count';
import { firstVisible, isVisible, pageLocale, textOf } from '../../dom';
import type { PostCounts, ProfileHeader, ProfileReader, ReadOptions } from '../types';
import { isYouTubeHost, parseChannelPath, youtubeProfileHandle } from '../url/youtube';
import { defineAdapter, headerNotes, preferExact } from '../shared';
import { youtubeRelativeDate } from '../../signals/post-dates';
import { readBootstrap, type Bootstrap, type JsonPost } from './page-data';
import { asRead, attempt, channelRefOf, classify, domParts, partCount, readCount, readHeaderParts, refKey, subscriberReading, type Part } from './parts';
import { DELIMITER, DELIMITER_ONLY, GRID_TABS, labels, selectors, VIDEO_ID } from './selectors';

/*
 * The YouTube adapter, in three parts: selectors.ts (where the numbers are), parts.ts (how its
 * counts and header rows read), page-data.ts (ytInitialData: header, videos, the tab's uploads).
 */

const profileHandle = youtubeProfileHandle;


/** What the rendered header shows. */
interface DomHeader {
  /** Some part of a channel header is on screen (the counts may still be missing or hidden). */
  rendered: boolean;
  handle?: string;
  name?: string;
  subscribers?: CountReading;
  videos?: CountReading;
  /** The header shows the videos count but no subscribers: the channel hides them. */
  subscribersHidden?: boolean;
}

/** The video id and kind a tile links to. */
function videoOf(tile: Element, base: URL): { id: string; kind: 'video' | 'short' } | undefined {
  const link = tile.matches(selectors.videoLink) ? tile : tile.querySelector(selectors.videoLink);
  const href = link?.getAttribute('href');
  if (!href) return undefined;
  const target = new URL(href, base);
  if (!isYouTubeHost(target.hostname)) return undefined;
  if (target.pathname === '/watch') {
    const id = target.searchParams.get('v') ?? '';
    return VIDEO_ID.test(id) ? { id, kind: 'video' } : undefined;
  }
  const short = /^\/shorts\/([A-Za-z0-9_-]{11})\/?$/.exec(target.pathname);
  return short ? { id: short[1]!, kind: 'short' } : undefined;
}

/** Text leaves of a tile outside its title and its channel links, split into metadata parts. */
function tileParts(tile: Element): Part[] {
  const parts: Part[] = [];
  for (const el of tile.querySelectorAll('*')) {
    if (el.children.length > 0 || el.closest(selectors.title) || el.closest(selectors.channelLink)) continue;
    const hidden = el.closest('[hidden]');
    if (hidden && tile.contains(hidden)) continue;
    const text = textOf(el);
    if (!text) continue;
    for (const piece of text.split(DELIMITER)) {
      if (!DELIMITER_ONLY.test(piece)) parts.push({ text: piece.trim() });
    }
  }
  return parts;
}

/** "… 127.696 visualizaciones hace 2 días …" → the number right before the last views word. */
const VIEWS_IN_LABEL = new RegExp(`(\\d[\\d.,'\\u00a0\\u202f]*)\\s*(?:${labels.views.source})`, 'giu');

function viewsInLabel(label: string, locale: string): CountReading | undefined {
  let last: string | undefined;
  for (const match of label.matchAll(VIEWS_IN_LABEL)) last = match[0];
  const reading = last ? readCount(last, locale) : undefined;
  return reading?.exact ? reading : undefined;
}

function createReader(doc: Document, url: URL, options: ReadOptions): ProfileReader {
  const ref = attempt('url', () => (isYouTubeHost(url.hostname) ? parseChannelPath(url.pathname) : undefined));
  const handle = ref?.name ?? '';
  const locale = pageLocale(doc);
  const trust = options.trustBootstrap === true && ref !== undefined;
  const readsPosts = ref !== undefined && GRID_TABS.has(ref.tab);
  const kindOfTab = ref?.tab === 'streams' ? 'stream' : undefined;
  // Ages ("3 weeks ago") count back from one instant per reader, so two tiles read apart in time
  // keep their distance: the posts-per-week figure never drifts while the page is open.
  const readAt = options.readAt ?? Date.now();

  /** A post's date from its age text, approximate; false (and nothing set) for a text that is no age. */
  const dateFrom = (counts: PostCounts, text: string | undefined): boolean => {
    const date = text === undefined ? undefined : youtubeRelativeDate(text, locale, readAt);
    if (!date) return false;
    counts.postedAt = date.at;
    counts.postedAtApprox = true;
    return true;
  };
  const dateFromJson = (counts: PostCounts, json: JsonPost): void => {
    if (counts.postedAt === undefined && !counts.live) dateFrom(counts, json.published);
  };

  let bootstrapCache: Bootstrap | undefined;
  /** ytInitialData: parsed once per reader, used only when trusted and about this channel. */
  const bootstrap = (): Bootstrap => {
    if (bootstrapCache) return bootstrapCache;
    bootstrapCache = { matches: false, identities: new Set(), posts: new Map(), uploads: [] };
    if (!trust || !ref) return bootstrapCache;
    bootstrapCache = attempt('ytInitialData', () => readBootstrap(doc, ref, locale)) ?? bootstrapCache;
    return bootstrapCache;
  };

  /** Whether a handle shown in the header is this URL's channel (unknowable for /channel/, /c/, /user/ URLs). */
  const isStale = (shown: string | undefined): boolean =>
    !!shown && ref?.kind === 'handle' && shown.toLowerCase() !== ref.name.toLowerCase();

  const domHeader = (): DomHeader => {
    const result: DomHeader = { rendered: false };
    const name = firstVisible(doc, selectors.channelName, (el) => textOf(el) !== '');
    if (name) {
      result.rendered = true;
      result.name = textOf(name);
    }
    const metadata = firstVisible(doc, selectors.headerMetadata, (el) => textOf(el) !== '');
    if (metadata) {
      result.rendered = true;
      Object.assign(result, readHeaderParts(domParts(metadata), locale));
    }
    const notOtherCard = (el: Element) => !el.closest(selectors.otherChannelCard) && textOf(el) !== '';
    const oldHandle = firstVisible(doc, selectors.channelHandle, notOtherCard);
    if (oldHandle) result.handle ??= textOf(oldHandle).replace(/^@/, '');
    if (!result.subscribers) {
      const el = firstVisible(doc, selectors.subscriberCount, notOtherCard);
      if (el) {
        result.rendered = true;
        const label = el.getAttribute('aria-label') ?? undefined;
        result.subscribers = partCount({ text: textOf(el), label }, locale, subscriberReading);
      }
    }
    if (!result.videos) {
      const el = firstVisible(doc, selectors.videosCount, notOtherCard);
      if (el) {
        result.rendered = true;
        result.videos = partCount({ text: textOf(el) }, locale, asRead);
      }
    }
    // Rows and old header alike render the counts together: videos without subscribers is a choice.
    result.subscribersHidden = !result.subscribers && result.videos !== undefined;
    return result;
  };

  /** This channel's names, for telling its own videos from other channels' in Home-tab shelves. */
  let ownCache: { keys: Set<string>; name?: string } | undefined;
  const own = (): { keys: Set<string>; name?: string } => {
    if (ownCache) return ownCache;
    const keys = new Set<string>(ref ? [refKey(ref)] : []);
    const data = bootstrap();
    if (data.matches) for (const key of data.identities) keys.add(key);
    const dom = attempt('own identity', domHeader);
    const stale = isStale(dom?.handle);
    if (dom?.handle && !stale) keys.add(refKey({ kind: 'handle', name: dom.handle }));
    const name = (!stale ? dom?.name : undefined) ?? (data.matches ? data.name : undefined);
    const found = { keys, name };
    // Cache once this channel's header has rendered (or the page data named it); before that, ask again.
    if ((dom?.rendered && !stale) || data.matches) ownCache = found;
    return found;
  };

  const header = (): ProfileHeader => {
    const result: ProfileHeader = { platform: 'youtube', handle, locale, notes: [] };
    if (!ref) {
      result.notes.push({ key: 'siteNotChannel' });
      return result;
    }
    let dom = attempt('header', domHeader) ?? { rendered: false };
    if (isStale(dom.handle)) {
      result.notes.push({ key: 'siteStaleChannel', args: [dom.handle ?? ''] });
      dom = { rendered: false };
    }
    const data = bootstrap();
    const subscribers = preferExact(dom.subscribers, data.subscribers);
    const videos = preferExact(dom.videos, data.videos);
    const name = dom.name ?? data.name;
    if (name) result.displayName = name;
    if (subscribers) result.followers = subscribers;
    if (videos) result.postsCount = videos;

    // Hidden: the rendered header says so, or (before it renders) the page data of this channel does.
    const hidden = !subscribers && (dom.rendered ? dom.subscribersHidden === true : data.subscribersHidden === true);
    result.notes.push(
      ...headerNotes({
        handle,
        followers: subscribers,
        postsCount: videos,
        rendered: dom.rendered,
        shows: { postsCount: true },
        channel: true,
        subscribersHidden: hidden,
      }),
    );
    if (!readsPosts) result.notes.push({ key: 'siteViewsTabs' });
    // Nothing more to read: no subscriber count will come (and the formula needs it), or the
    // channel has no uploads to measure.
    if (hidden || (subscribers && videos?.value === 0)) result.final = true;
    return result;
  };

  /** Whether a tile is someone else's video: its byline names another channel. */
  const isNotOwn = (tile: Element): boolean => {
    const links = [...tile.querySelectorAll(selectors.channelLink)];
    if (links.length === 0) return false;
    const self = own();
    let other = false;
    for (const link of links) {
      const linked = channelRefOf(link.getAttribute('href'), url);
      if (!linked) continue;
      const text = textOf(link);
      if (self.keys.has(refKey(linked)) || (self.name && text === self.name)) return false;
      const comparable = [...self.keys].some((key) => key.startsWith(`${linked.kind}:`));
      if (comparable || (self.name && text !== '')) other = true;
    }
    return other;
  };

  const tileSelector = selectors.tile.join(', ');

  const post = (element: Element): PostCounts | undefined => {
    // Cheapest checks first: the content script calls this for every new tile of a long grid.
    if (!readsPosts || !element.matches(tileSelector) || element.closest(selectors.notChannelContent)) return undefined;
    const video = videoOf(element, url);
    if (!video || element.querySelector(selectors.playlistLink) || !isVisible(element)) return undefined;
    const counts: PostCounts = { id: video.id, kind: video.kind === 'short' ? 'short' : (kindOfTab ?? 'video') };

    const parts = tileParts(element);
    const live =
      !!element.querySelector(selectors.liveMarker.join(', ')) ||
      parts.some((part) => classify(part) === 'upcoming' || labels.liveBadge.test(part.text));
    if (live) counts.live = true;
    if (attempt('byline', () => isNotOwn(element))) counts.notOwn = true;

    if (!live) {
      const viewsPart = parts.find((part) => classify(part) === 'views' || labels.none.test(part.text));
      let views = viewsPart ? partCount(viewsPart, locale, asRead) : undefined;
      // The title link's aria-label repeats the exact count on older renderers.
      for (const { link, inside } of selectors.titleLabel) {
        const found = inside
          ? [...element.querySelectorAll(link)].find((candidate) => candidate.closest(inside) !== null)
          : element.querySelector(link);
        const label = found?.getAttribute('aria-label');
        const exact = label ? viewsInLabel(label, locale) : undefined;
        if (exact) {
          views = preferExact(views, exact);
          break;
        }
      }
      if (views) counts.views = views;
      // "3 days ago", "vor 2 Wochen", "Streamed 2 days ago": the first part that reads as an age.
      for (const part of parts) {
        if (dateFrom(counts, part.text)) break;
      }
    }

    const json = bootstrap().posts.get(video.id);
    if (json) {
      if (json.live) {
        counts.live = true;
        delete counts.views;
        delete counts.postedAt;
        delete counts.postedAtApprox;
      } else if (json.views) {
        const views = preferExact(counts.views, json.views);
        if (views) counts.views = views;
      }
      const channelId = bootstrap().channelId;
      if (json.ownerId && channelId && json.ownerId !== channelId) counts.notOwn = true;
      dateFromJson(counts, json);
    }
    return counts;
  };

  const anchor = (): Element | null =>
    attempt('anchor', () => {
      if (!ref) return null;
      const dom = domHeader();
      if (isStale(dom.handle)) return null;
      return firstVisible(doc, selectors.channelName, (el) => textOf(el) !== '') ?? null;
    }) ?? null;

  /**
   * The channel's own uploads as the page data lists them (server HTML has no grid until
   * YouTube's scripts run), only while the data is trusted: first page, this channel (bootstrap()).
   */
  const dataPosts = (): PostCounts[] => {
    if (!readsPosts) return [];
    const data = bootstrap();
    if (!data.matches) return [];
    const posts: PostCounts[] = [];
    for (const id of data.uploads) {
      const json = data.posts.get(id);
      if (!json) continue;
      const counts: PostCounts = { id, kind: json.kind === 'short' ? 'short' : (kindOfTab ?? 'video') };
      if (json.live) counts.live = true;
      else if (json.views) counts.views = json.views;
      dateFromJson(counts, json);
      posts.push(counts);
    }
    return posts;
  };

  return {
    postSelector: tileSelector,
    header,
    post,
    anchor,
    dataPosts,
  };
}

/** YouTube: channels at youtube.com/@handle, /channel/UC…, /c/name, /user/name and their tabs. */
export const youtube = defineAdapter({
  platform: 'youtube',
  isHost: isYouTubeHost,
  profileHandle,
  createReader,
  manualCheckUrls: [
    'https://www.youtube.com/@kurzgesagt/videos', // 2026 header rows "25M subscribers • 337 videos", video lockups
    'https://www.youtube.com/@Doobydobap/shorts', // shorts lockups "895K views"
    'https://www.youtube.com/@creativecommons/streams', // small channel "8.84K subscribers", live tab
    'https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA', // ONE Media (@OneMedia.): Home-tab shelves with other channels' videos
    'https://www.youtube.com/@OneMedia./videos?hl=es', // Spanish UI: "4,69 M de suscriptores", "127 K visualizaciones"
    'https://www.youtube.com/@kurzgesagt/videos?hl=ja', // Japanese UI: "チャンネル登録者数 2500万人", "1.2万 回視聴"
  ],
});

