import type { CountReading } from '../../count';
import { isRecord } from '../../is-record';
import { CANONICAL_HOSTS } from '../../platforms';
import { jsonString, pick } from '../bootstrap';
import { CHANNEL_ID, type ChannelRef } from '../url/youtube';
import { labels, VIDEO_ID } from './selectors';
import { youtubeRelativeAge } from '../../signals/post-dates';
import { asRead, attempt, channelRefOf, classify, partCount, readCount, readHeaderParts, refKey, subscriberReading, type Part } from './parts';

/*
 * Page data (ytInitialData): what the server HTML embeds for the channel and tab it was loaded
 * for. Only used while ReadOptions.trustBootstrap holds and the data names the URL's channel.
 */

/** How the page data is assigned: `var ytInitialData = {…};` (desktop, verified 2024-01) or on window. */
export const INITIAL_DATA_MARKERS = ['var ytInitialData', 'window["ytInitialData"]', "window['ytInitialData']", 'window.ytInitialData'];
export const MAX_SCRIPT_CHARS = 8_000_000;
export const MAX_VISITS = 500_000;

/** Index of the "}" closing the object that opens at `start`, skipping strings; -1 if unbalanced. */
export function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  return -1;
}

/** The parsed `ytInitialData` object of the page, or undefined (absent, a JS string on m., invalid). */
export function readInitialData(doc: Document): unknown {
  for (const script of doc.querySelectorAll('script')) {
    try {
      const text = script.textContent ?? '';
      if (text.length > MAX_SCRIPT_CHARS || !text.includes('ytInitialData')) continue;
      for (const marker of INITIAL_DATA_MARKERS) {
        const at = text.indexOf(marker);
        if (at < 0) continue;
        const eq = text.indexOf('=', at + marker.length);
        const start = text.indexOf('{', eq);
        if (eq < 0 || start < 0 || text.slice(eq + 1, start).trim() !== '') continue;
        const end = matchingBrace(text, start);
        if (end < 0) continue;
        return JSON.parse(text.slice(start, end + 1)) as unknown;
      }
    } catch {
      // Not parseable: try the next script.
    }
  }
  return undefined;
}

/** Text of a YouTube text object: `{simpleText}`, `{runs: [{text}]}` or a view model's `{content}`. */
export function jsonText(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (!isRecord(value)) return undefined;
  const simple = jsonString(value.simpleText) ?? jsonString(value.content);
  if (simple) return simple;
  if (Array.isArray(value.runs)) {
    const joined = value.runs.map((run) => jsonString(pick(run, 'text')) ?? '').join('');
    return joined || undefined;
  }
  return undefined;
}

export function jsonArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `contentMetadataViewModel.metadataRows[].metadataParts[]` → parts. */
export function jsonParts(contentMetadata: unknown): Part[] {
  const parts: Part[] = [];
  for (const row of jsonArray(pick(contentMetadata, 'metadataRows'))) {
    for (const part of jsonArray(pick(row, 'metadataParts'))) {
      const text = jsonText(pick(part, 'text'));
      if (text) parts.push({ text: text.trim(), label: jsonString(pick(part, 'accessibilityLabel')) });
    }
  }
  return parts;
}

/** One video as the page data describes it. */
export interface JsonPost {
  views?: CountReading;
  live: boolean;
  kind?: 'video' | 'short';
  /** Channel id of the byline (Home-tab shelves hold other channels' videos). */
  ownerId?: string;
  /** Its age as the page writes it ("hace 2 días", "4 days ago"): a date only relative to the read. */
  published?: string;
}

export interface Bootstrap {
  /** The data names the channel of the URL: only then is anything below filled in. */
  matches: boolean;
  subscribers?: CountReading;
  videos?: CountReading;
  name?: string;
  channelId?: string;
  /** Every way the data names its channel, as refKey()s. */
  identities: Set<string>;
  posts: Map<string, JsonPost>;
  /** The channel's own uploads on the tab the data was served for, in page order (dataPosts). */
  uploads: string[];
  /** The header data carries no subscriber count although it has the rest: the channel hides it. */
  subscribersHidden?: boolean;
}

export const POST_KEYS = new Set([
  'videoRenderer', // 2026 videos tab (verified channel-header-2026)
  'gridVideoRenderer', // Home-tab shelves (verified 2024-01)
  'channelVideoPlayerRenderer', // Home-tab featured video (verified 2024-01)
  'reelItemRenderer', // 2021-23 shorts (assumed)
  'lockupViewModel', // 2026 videos tab (verified channel-videos-tab-2026)
  'shortsLockupViewModel', // 2026 shorts tab (verified channel-shorts-tab-2026)
]);

/** A match found while walking, kept on the stack so that matches come out in document order. */
export class Hit {
  constructor(
    readonly key: string,
    readonly value: unknown,
  ) {}
}

/** Every value stored under one of `keys` inside `root`, in document order, not descending into them. */
export function collect(root: unknown, keys: ReadonlySet<string>): Hit[] {
  const found: Hit[] = [];
  const stack: unknown[] = [root];
  let visits = 0;
  while (stack.length > 0 && visits++ < MAX_VISITS) {
    const value = stack.pop();
    if (value instanceof Hit) {
      found.push(value);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (isRecord(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (keys.has(key)) stack.push(new Hit(key, child));
        else if (typeof child === 'object' && child !== null) stack.push(child);
      }
    }
  }
  return found;
}

export function readJsonPost(key: string, node: unknown, locale: string): [string, JsonPost] | undefined {
  if (!isRecord(node)) return undefined;
  const fieldViews = (text: string | undefined): CountReading | undefined => {
    if (!text || labels.upcoming.test(text)) return undefined;
    if (labels.none.test(text)) return { value: 0, exact: true, min: 0, max: 0 };
    const reading = readCount(text, locale);
    return reading;
  };
  if (key === 'shortsLockupViewModel') {
    const id =
      jsonString(pick(node, 'onTap', 'innertubeCommand', 'reelWatchEndpoint', 'videoId')) ??
      jsonString(node.entityId)?.replace(/^shorts-shelf-item-/, '');
    if (!id || !VIDEO_ID.test(id)) return undefined;
    return [id, { live: false, kind: 'short', views: fieldViews(jsonText(pick(node, 'overlayMetadata', 'secondaryText'))) }];
  }
  if (key === 'lockupViewModel') {
    const id = jsonString(node.contentId);
    if (!id || !VIDEO_ID.test(id) || jsonString(node.contentType) !== 'LOCKUP_CONTENT_TYPE_VIDEO') return undefined;
    const metadata = pick(node, 'metadata', 'lockupMetadataViewModel');
    const parts = jsonParts(pick(metadata, 'metadata', 'contentMetadataViewModel'));
    const image = JSON.stringify(node.contentImage ?? {});
    // Live now or upcoming: a LIVE/UPCOMING badge style or "LIVE" icon on the thumbnail, upcoming
    // event data, or a "Scheduled for" / "watching" / "waiting" text in the metadata (assumed: no
    // saved 2026 page holds a live lockup; the styles are the older renderers' names).
    const live =
      parts.some((part) => classify(part) === 'upcoming' || labels.liveBadge.test(part.text)) ||
      /BADGE_STYLE_(?:TYPE_)?(?:LIVE|UPCOMING)|"upcomingEventData"|"iconName":"LIVE"/.test(image) ||
      jsonArray(pick(node, 'contentImage', 'thumbnailViewModel', 'overlays')).some((overlay) =>
        jsonArray(pick(overlay, 'thumbnailBottomOverlayViewModel', 'badges')).some((badge) =>
          labels.liveBadge.test(jsonString(pick(badge, 'thumbnailBadgeViewModel', 'text')) ?? ''),
        ),
      );
    const viewsPart = parts.find((part) => classify(part) === 'views' || labels.none.test(part.text));
    const ownerId = lockupOwner(metadata);
    const post: JsonPost = { live, kind: 'video', ownerId, views: live || !viewsPart ? undefined : partCount(viewsPart, locale, asRead) };
    // "248 views • 4 days ago": the age is the part that reads as one (channel-videos-2026.server.html).
    const published = parts.find((part) => youtubeRelativeAge(part.text, locale) !== undefined)?.text;
    if (published && !live) post.published = published;
    return [id, post];
  }
  const id = jsonString(node.videoId);
  if (!id || !VIDEO_ID.test(id)) return undefined;
  const live =
    isRecord(node.upcomingEventData) ||
    jsonArray(node.badges).some((badge) => /LIVE_NOW/.test(jsonString(pick(badge, 'metadataBadgeRenderer', 'style')) ?? '')) ||
    jsonArray(node.thumbnailOverlays).some((overlay) =>
      /^(?:LIVE|UPCOMING)$/.test(jsonString(pick(overlay, 'thumbnailOverlayTimeStatusRenderer', 'style')) ?? ''),
    );
  const byline = jsonArray(pick(node, 'shortBylineText', 'runs'))[0] ?? jsonArray(pick(node, 'ownerText', 'runs'))[0];
  const post: JsonPost = {
    // "1.2K watching" / "23 waiting" in place of the views: live now or a premiere's waiting room.
    live: live || [jsonText(node.viewCountText), jsonText(node.shortViewCountText)].some((text) => !!text && labels.upcoming.test(text)),
    kind: key === 'reelItemRenderer' ? 'short' : 'video',
    ownerId: jsonString(pick(byline, 'navigationEndpoint', 'browseEndpoint', 'browseId')),
  };
  if (!post.live) {
    // viewCountText is written in full ("127.696 visualizaciones"): exact. The short one is truncated.
    post.views = fieldViews(jsonText(node.viewCountText)) ?? fieldViews(jsonText(node.shortViewCountText));
    // "hace 2 días" (videoRenderer and gridVideoRenderer, channel-es.server.html, verified 2024-01).
    const published = jsonText(node.publishedTimeText);
    if (published && youtubeRelativeAge(published, locale) !== undefined) post.published = published;
  }
  return [id, post];
}

/**
 * The channel a 2025+ lockup names: the avatar's or a metadata part's browse endpoint (Home-tab
 * shelves of other channels carry them; the videos tab's own lockups carry none, verified 2026).
 */
export function lockupOwner(metadata: unknown): string | undefined {
  const avatar = pick(metadata, 'image', 'decoratedAvatarViewModel', 'rendererContext', 'commandContext', 'onTap', 'innertubeCommand', 'browseEndpoint', 'browseId');
  if (typeof avatar === 'string') return avatar;
  for (const row of jsonArray(pick(metadata, 'metadata', 'contentMetadataViewModel', 'metadataRows'))) {
    for (const part of jsonArray(pick(row, 'metadataParts'))) {
      for (const run of jsonArray(pick(part, 'text', 'commandRuns'))) {
        const id = jsonString(pick(run, 'onTap', 'innertubeCommand', 'browseEndpoint', 'browseId'));
        if (id) return id;
      }
    }
  }
  return undefined;
}

/** The tab the page data was served for: its URL path and content. */
export function selectedTab(data: unknown): { url?: string; content: unknown } | undefined {
  const tabs = [
    ...jsonArray(pick(data, 'contents', 'twoColumnBrowseResultsRenderer', 'tabs')), // desktop (verified 2024-01 and 2026)
    ...jsonArray(pick(data, 'contents', 'singleColumnBrowseResultsRenderer', 'tabs')), // m.youtube.com (assumed)
  ];
  for (const tab of tabs) {
    const renderer = pick(tab, 'tabRenderer') ?? pick(tab, 'expandableTabRenderer');
    if (pick(renderer, 'selected') !== true) continue;
    return { url: jsonString(pick(renderer, 'endpoint', 'commandMetadata', 'webCommandMetadata', 'url')), content: pick(renderer, 'content') };
  }
  return undefined;
}

/** Tab segments of channel URLs (url/youtube.ts TABS and the rest YouTube serves). */
export const TAB_NAMES = new Set(['featured', 'videos', 'shorts', 'streams', 'live', 'playlists', 'posts', 'community', 'podcasts', 'releases', 'courses', 'store', 'about', 'search']);

/** Shelves of the Home tab: one per uploads list, playlist or featured channel. */
export const SHELF_KEYS = new Set(['shelfRenderer', 'richShelfRenderer', 'reelShelfRenderer']);
/** Posts of a tab's grid; the Home tab's featured trailer (channelVideoPlayerRenderer) is not an upload in order. */
export const GRID_POST_KEYS = new Set([...POST_KEYS].filter((key) => key !== 'channelVideoPlayerRenderer'));

/** The channel a shelf belongs to: its title's or its endpoint's browse id ("UC…" for a channel, "VL…" for a playlist). */
export function shelfOwner(shelf: unknown): string | undefined {
  const title = jsonArray(pick(shelf, 'title', 'runs'))[0];
  return (
    jsonString(pick(title, 'navigationEndpoint', 'browseEndpoint', 'browseId')) ??
    jsonString(pick(shelf, 'endpoint', 'browseEndpoint', 'browseId')) ??
    jsonString(pick(shelf, 'navigationEndpoint', 'browseEndpoint', 'browseId'))
  );
}

/**
 * The channel's own uploads on the tab the data was served for, in page order:
 * - videos, shorts, streams tabs: every video of the tab's grid whose byline (if any) is the channel;
 * - Home tab: only shelves that belong to the channel itself (its uploads shelf, browse id = the
 *   channel id), not playlists (not in upload order), featured channels or the featured trailer;
 *   a Home tab without such a shelf gives none (engagement stays unknown until tiles render).
 * Shorts only on the shorts tab, where the grid is shorts; elsewhere only videos.
 */
export function uploadIds(data: unknown, tab: string, channelId: string | undefined, posts: Map<string, JsonPost>, locale: string): string[] {
  const selected = selectedTab(data);
  if (!selected || !channelId) return [];
  const want = tab === '' ? 'featured' : tab;
  // "/@OneMedia./featured", "/@x/videos"; a bare channel URL is the Home tab.
  const last = /\/([a-z]+)\/?$/.exec(selected.url ?? '')?.[1] ?? '';
  const served = TAB_NAMES.has(last) ? last : 'featured';
  // Data served for another tab is not about this one.
  if (served !== want) return [];
  const sources = want === 'featured'
    ? collect(selected.content, SHELF_KEYS).filter((hit) => shelfOwner(hit.value) === channelId).map((hit) => hit.value)
    : [selected.content];
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for (const hit of collect(source, GRID_POST_KEYS)) {
      const entry = attempt('json upload', () => readJsonPost(hit.key, hit.value, locale));
      if (!entry || seen.has(entry[0])) continue;
      const [id, post] = entry;
      if (post.ownerId && post.ownerId !== channelId) continue;
      if ((post.kind === 'short') !== (want === 'shorts')) continue;
      seen.add(id);
      if (!posts.has(id)) posts.set(id, post);
      ids.push(id);
    }
  }
  return ids;
}

/** Every way a URL or text names a channel ("/@OneMedia.", "http://www.youtube.com/@x", "@x"). */
export function addIdentity(into: Set<string>, value: string | undefined): void {
  if (!value) return;
  const text = value.trim();
  if (text.startsWith('@')) {
    into.add(refKey({ kind: 'handle', name: text.slice(1) }));
    return;
  }
  if (CHANNEL_ID.test(text)) {
    into.add(refKey({ kind: 'channel', name: text }));
    return;
  }
  const ref = channelRefOf(text, `https://${CANONICAL_HOSTS.youtube}/`);
  if (ref) into.add(refKey(ref));
}

export function readBootstrap(doc: Document, url: ChannelRef, locale: string): Bootstrap {
  const empty: Bootstrap = { matches: false, identities: new Set(), posts: new Map(), uploads: [] };
  const data = readInitialData(doc);
  if (!isRecord(data)) return empty;
  const channel = pick(data, 'metadata', 'channelMetadataRenderer');
  const c4 = pick(data, 'header', 'c4TabbedHeaderRenderer');
  const pageHeader = pick(data, 'header', 'pageHeaderRenderer');
  const viewModel = pick(pageHeader, 'content', 'pageHeaderViewModel');
  const headerParts = jsonParts(pick(viewModel, 'metadata', 'contentMetadataViewModel'));

  const identities = new Set<string>();
  const channelId = jsonString(pick(channel, 'externalId')) ?? jsonString(pick(c4, 'channelId'));
  addIdentity(identities, channelId);
  addIdentity(identities, jsonString(pick(channel, 'vanityChannelUrl')));
  addIdentity(identities, jsonString(pick(channel, 'channelUrl')));
  for (const owner of jsonArray(pick(channel, 'ownerUrls'))) addIdentity(identities, jsonString(owner));
  addIdentity(identities, jsonString(pick(c4, 'navigationEndpoint', 'browseEndpoint', 'canonicalBaseUrl')));
  addIdentity(identities, jsonText(pick(c4, 'channelHandleText')));
  for (const part of headerParts) if (part.text.startsWith('@')) addIdentity(identities, part.text);

  // Page data of another channel (the page was loaded for it, then the user navigated): ignore all of it.
  if (!identities.has(refKey(url))) return { ...empty, identities };

  const result: Bootstrap = { matches: true, identities, posts: new Map(), uploads: [], channelId };
  result.name =
    jsonText(pick(c4, 'title')) ??
    jsonText(pick(viewModel, 'title', 'dynamicTextViewModel', 'text')) ??
    jsonString(pick(pageHeader, 'pageTitle')) ??
    jsonString(pick(channel, 'title'));
  if (isRecord(c4)) {
    const subscribers = c4.subscriberCountText;
    result.subscribers = partCount(
      { text: jsonText(subscribers) ?? '', label: jsonString(pick(subscribers, 'accessibility', 'accessibilityData', 'label')) },
      locale,
      subscriberReading,
    );
    const videos = jsonText(c4.videosCountText);
    if (videos) result.videos = partCount({ text: videos }, locale, asRead);
  }
  const fromRows = readHeaderParts(headerParts, locale);
  result.subscribers ??= fromRows.subscribers;
  result.videos ??= fromRows.videos;
  // A header that lists the videos but no subscribers: the channel hides the count (the c4 header
  // then has no subscriberCountText; the 2024+ rows no subscribers part).
  result.subscribersHidden =
    !result.subscribers && (isRecord(c4) ? jsonText(c4.videosCountText) !== undefined : fromRows.videos !== undefined);

  for (const hit of collect(data.contents, POST_KEYS)) {
    const entry = attempt('json post', () => readJsonPost(hit.key, hit.value, locale));
    if (entry && !result.posts.has(entry[0])) result.posts.set(entry[0], entry[1]);
  }
  result.uploads = attempt('uploads', () => uploadIds(data, url.tab, channelId, result.posts, locale)) ?? [];
  return result;
}

