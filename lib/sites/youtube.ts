import type { CountReading } from '../count';
import { firstVisible, isVisible, pageLocale, textOf } from '../dom';
import { t } from '../i18n';
import { isRecord } from '../is-record';
import { CANONICAL_HOSTS } from '../platforms';
import { jsonString, pick } from './bootstrap';
import type { PostCounts, ProfileHeader, ProfileReader, ReadOptions } from './types';
import { CHANNEL_ID, isYouTubeHost, parseChannelPath, youtubeProfileHandle, type ChannelRef } from './url/youtube';
import { attemptFor, countReader, defineAdapter, preferExact } from './shared';

/**
 * YouTube abbreviates by truncating: "127.696 visualizaciones" shows as "127 K", "1.787" as
 * "1,7 K", "8.664.386" as "8,6 M" (channel-es.server.html, 2024-01); "2,989,906 views" as "2.9m"
 * (channel-header-2026); its 2019 subscriber announcement says the same ("10,486 → 10.4K"). So
 * "12.3K" stands for 12 300 … 12 399.
 */
const readCount = countReader('down');
const attempt = attemptFor('youtube');

/**
 * Where YouTube puts the numbers. One alternative per line: the page variant, and where/when it
 * was seen.
 *
 * Provenance: the real pages we hold are *page data*, not rendered DOM:
 * - `/work/shared/pages/youtube/channel-es.server.html` (2024-01, es-ES): server HTML with
 *   `var ytInitialData` and the old header `c4TabbedHeaderRenderer` (verified).
 * - `channel-{header,videos-tab,shorts-tab}-2026.initial-data.json` (2026): `pageHeaderViewModel`
 *   metadata rows, `videoRenderer`, `lockupViewModel`, `shortsLockupViewModel` (verified).
 * The rendered elements those shapes become (`yt-page-header-view-model`, `yt-content-metadata-
 * view-model`, `yt-lockup-view-model`, `ytd-rich-item-renderer`, `#subscriber-count` …) are NOT
 * verified on a live page here: they follow YouTube's renderer → element naming and what public
 * extensions and filter lists query (2023-26). Each such line says "assumed". Element names and
 * ids only: YouTube's BEM classes are renamed often (`…-wiz__…` → `yt-…__…` → camelCase, 2024-25).
 */
const selectors = {
  /** "@handle • 25M subscribers • 337 videos" (one row, 2024) or "@handle" / "25M subscribers • 337 videos" (two rows, 2025+). */
  headerMetadata: [
    'yt-page-header-view-model yt-content-metadata-view-model', // 2024+ desktop and m.: pageHeaderViewModel.metadata (JSON verified 2026; element assumed)
    'yt-page-header-renderer yt-content-metadata-view-model', // 2024 desktop, same rows without the view-model wrapper (assumed)
  ],
  /** Old header (c4TabbedHeaderRenderer, until 2024): "4,69 M de suscriptores", aria-label "4,69 millones de suscriptores". */
  subscriberCount: [
    'ytd-c4-tabbed-header-renderer #subscriber-count', // 2019-24 desktop (JSON subscriberCountText verified 2024-01; element assumed)
    '#channel-header #subscriber-count', // 2019-22 desktop, header wrapped in #channel-header (assumed)
    'yt-formatted-string#subscriber-count', // any other wrapper of the old header (assumed); other channels' cards filtered out
  ],
  /** Old header: <yt-formatted-string id="videos-count"><span>6,8 K</span><span> vídeos</span></yt-formatted-string>. */
  videosCount: [
    'ytd-c4-tabbed-header-renderer #videos-count', // 2022-24 desktop (JSON videosCountText verified 2024-01; element assumed)
    'yt-formatted-string#videos-count', // any other wrapper of the old header (assumed)
  ],
  /** Old header: "@OneMedia." */
  channelHandle: [
    'ytd-c4-tabbed-header-renderer #channel-handle', // 2022-24 desktop (JSON channelHandleText verified 2024-01; element assumed)
    'yt-formatted-string#channel-handle', // any other wrapper of the old header (assumed)
  ],
  /** The channel name heading, where the badge goes. */
  channelName: [
    'yt-page-header-view-model yt-dynamic-text-view-model h1', // 2024+: title.dynamicTextViewModel (JSON verified 2026; element assumed)
    'yt-page-header-view-model h1', // 2024+ without the dynamic-text wrapper (assumed)
    'yt-page-header-renderer h1', // 2024 desktop (assumed)
    'ytd-c4-tabbed-header-renderer #channel-name #text', // 2019-24 desktop: ytd-channel-name > … > yt-formatted-string#text (assumed)
    'ytd-c4-tabbed-header-renderer #channel-name', // same, without the inner #text (assumed)
    '#channel-header #channel-name', // 2019-22 desktop (assumed)
  ],
  /** One video, short or stream in a channel grid or shelf. Nested matches read the same video: de-duplicated by id. */
  tile: [
    'ytd-rich-item-renderer', // 2020+ rich grid of the videos/shorts/streams tabs: richItemRenderer (JSON verified 2026; element assumed)
    'ytd-grid-video-renderer', // 2017-24 grid and Home-tab shelves: gridVideoRenderer (JSON verified 2024-01; element assumed)
    'ytd-channel-video-player-renderer', // Home tab: the featured video, full view count (JSON verified 2024-01; element assumed)
    'ytd-video-renderer', // list shelves / rich grid media of videoRenderer (JSON verified 2026; element assumed)
    'yt-lockup-view-model', // 2025+ video lockups, abbreviated views only (JSON lockupViewModel verified 2026; element assumed)
    'ytm-shorts-lockup-view-model', // 2024+ shorts lockups, "895K views" (JSON shortsLockupViewModel verified 2026; element assumed)
    'ytm-shorts-lockup-view-model-v2', // 2025 wrapper of the shorts lockup (assumed)
    'ytd-reel-item-renderer', // 2021-23 shorts shelves (assumed)
  ],
  /** The link naming the video: "/watch?v=ID" (videos, streams) or "/shorts/ID". */
  videoLink: 'a[href*="/watch?v="], a[href*="/shorts/"]', // every tile variant (hrefs verified in JSON 2024-01 and 2026)
  /** A playlist or mix lockup, not a video: skipped. */
  playlistLink: 'a[href*="/playlist?"], a[href*="&list="], a[href*="?list="]', // Home-tab playlist shelves (assumed)
  /** Title text inside a tile: never a count, even when it says "10 views of Paris". */
  title: '#video-title, #video-title-link, h3, tp-yt-paper-tooltip, #tooltip', // 2019-26 tiles (assumed)
  /**
   * Title links whose aria-label repeats the exact view count: "Title de ONE Media 127.696
   * visualizaciones hace 2 días …". `inside`: an ancestor the link must have, checked with
   * closest() rather than written as a descendant selector: Chromium matches `h3 a[…]` queried
   * on a tile at a cost that grows with the whole page (bench/README.md, infinite scroll).
   */
  titleLabel: [
    { link: '#video-title-link[aria-label]' }, // rich grid media 2020-24 (assumed; text verified in title.accessibility 2024-01)
    { link: 'a#video-title[aria-label]' }, // grid video renderer 2017-24 (assumed; same)
    { link: '#video-title[aria-label]' }, // same, on the formatted string (assumed)
    { link: 'a[aria-label]', inside: 'h3' }, // 2025 lockups, if they carry it (assumed)
  ] as readonly { link: string; inside?: string }[],
  /** Links to a channel inside a tile: the byline of someone else's video in a Home-tab shelf. */
  channelLink: 'a[href^="/@"], a[href^="/channel/"], a[href^="/c/"], a[href^="/user/"], a[href*="youtube.com/@"]', // (assumed)
  /** Live-now and upcoming markers that do not depend on the language. */
  liveMarker: [
    '[overlay-style="LIVE"]', // ytd-thumbnail-overlay-time-status-renderer, 2019-24 (assumed; public filter lists)
    '[overlay-style="UPCOMING"]', // same, premieres and scheduled streams (assumed; public filter lists)
    '[class*="badge-style-type-live-now"]', // ytd-badge-supported-renderer, BADGE_STYLE_TYPE_LIVE_NOW (assumed)
    'badge-shape[class*="thumbnail-live"]', // 2024-25 lockup thumbnail badge (assumed)
    'badge-shape[class*="ThumbnailLive"]', // 2025 camelCase rename of the same badge (assumed)
  ],
  /** Containers that are never the channel's own grid: the watch page kept hidden, the miniplayer, posts. */
  notChannelContent:
    'ytd-watch-flexy, ytd-miniplayer, ytd-search, #related, ytd-watch-next-secondary-results-renderer, ytd-backstage-post-thread-renderer, ytd-post-renderer',
  /** Other channels' cards (Home-tab "featured channels", search): their #subscriber-count is not this channel's. */
  otherChannelCard: 'ytd-grid-channel-renderer, ytd-channel-renderer, ytd-mini-channel-renderer, ytd-video-owner-renderer',
} as const;

/**
 * Words that say what a number counts, in YouTube's interface languages we know (en, es, de, fr,
 * pt, it, nl, pl, ru, tr, sv, da/no, fi, cs, hu, ro, id/ms, vi, th, ar, hi, ja, ko, zh). Real
 * texts: "4,69 M de suscriptores", "127.696 visualizaciones", "6,8 K vídeos" (es, 2024-01),
 * "25m subscribers", "337 videos", "895k views" (en, 2026).
 */
const labels = {
  subscribers:
    /subscri|suscript|abonn|abone|abona|inscrit|iscritt|подписчик|登録者|구독자|订阅者|訂閱者|subskryb|prenumerant|tilaaj|odběratel|feliratkoz|pelanggan|người đăng ký|ผู้ติดตาม|مشترك|सब्सक्राइबर/i,
  videos:
    /\bvideos?\b|\bvideo's\b|vídeos?|vidéos?|\bvideoer\b|\bvideota\b|\bvideí\b|\bvideó|\bfilm(?:ów|y)\b|видео|動画|동영상|视频|影片|วิดีโอ|فيديو|वीडियो/i,
  views:
    /\bviews?\b|visualizaci|visualiza[çc]|aufrufe?\b|\bvues?\b|visualizzazion|\bweergaven?\b|wyświetle|просмотр|görüntülen|\bvisningar\b|\bvisninger\b|katselukert|zhlédnutí|megtekint|vizionăr|ditonton|lượt xem|การดู|مشاهدة|बार देखा|回視聴|視聴回数|조회수|次观看|次觀看|觀看次數/i,
  /** A count written as words: "No views", "No videos" (en; other languages assumed absent). */
  none: /^no (?:views|videos)$/i,
  /** Upcoming or live now, in a metadata line: "Scheduled for 5/1/26", "Premieres …", "1.2K watching", "23 waiting". */
  upcoming:
    /^(?:scheduled for|premieres?\b|upcoming|programado para|se estrena|estreno|próximamente|geplant für|premiere am|demnächst|prévu (?:le|pour)|première|bientôt|agendado para|estreia|em breve|programmato per|prossimamente|公開予定|プレミア公開|近日公開|최초 공개|예정|即将|首播|预定|預定)|\b(?:watching|waiting)\b|viendo ahora|esperando|sehen gerade zu|warten|regardent|en attente|assistindo|aguardando|spettatori|in attesa|人が視聴中|人が待機中|명 시청 중|명 대기 중|人正在观看|人正在等待|смотрят|ждут/i,
  /** A badge whose whole text says "live now". */
  liveBadge:
    /^(?:live|live now|en vivo|en directo|en direct|ao vivo|in diretta|ライブ|ライブ配信中|실시간|直播|直播中|в эфире|прямой эфир|canlı|na żywo|live nu|upcoming|premiere|próximamente|bientôt|demnächst|prossimamente|em breve|近日公開|예정)$/i,
} as const;

/** Separators YouTube puts between metadata parts ("•" 2024+, "·" and "‧" in some locales). */
const DELIMITER = /\s*[•·‧|]\s*/;
const DELIMITER_ONLY = /^[\s•·‧|]*$/;

const GRID_TABS = new Set(['', 'featured', 'videos', 'shorts', 'streams']);
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** A channel link (relative or absolute, on a YouTube host) → the channel it names. */
function channelRefOf(href: string | null | undefined, base: string | URL): ChannelRef | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    if (!isYouTubeHost(url.hostname)) return undefined;
    return parseChannelPath(url.pathname);
  } catch {
    return undefined;
  }
}

/** A key to compare channels by: handles and legacy names are case-insensitive, ids are not. */
function refKey(ref: Pick<ChannelRef, 'kind' | 'name'>): string {
  return ref.kind === 'channel' ? `channel:${ref.name}` : `${ref.kind}:${ref.name.toLowerCase()}`;
}

const profileHandle = youtubeProfileHandle;

/** Counts other than subscribers are taken as count.ts reads them. */
const asRead = (reading: CountReading): CountReading => reading;

function trailingZeros(value: number): number {
  let zeros = 0;
  for (let n = value; n > 0 && n % 10 === 0; n /= 10) zeros++;
  return zeros;
}

/**
 * The rule for subscriber counts (since September 2019 YouTube shows them abbreviated):
 * - abbreviated ("4,69 M", "12.3K", "12,3万") → rounded down: value … value + one step of the last
 *   written digit − 1 ("4,69 M" → 4 690 000 … 4 699 999);
 * - written in full below 1 000 ("847 subscribers") → exact: YouTube does not round those;
 * - written in full from 1 000 up with only zeros after the third significant digit ("12.300
 *   Abonnenten", "4.690.000") → rounded down: the trailing zeros are padding ("4.690.000" →
 *   4 690 000 … 4 699 999);
 * - written in full with more than three significant digits ("1,234 subscribers") → exact: no
 *   3-significant-digit rounding can print it, so YouTube (or an older page) showed the real count.
 */
function subscriberReading(reading: CountReading): CountReading {
  if (!reading.exact) return reading;
  const { value } = reading;
  if (value < 1000) return reading;
  const digits = String(value).length;
  const zeros = trailingZeros(value);
  if (zeros < digits - 3) return reading;
  return { value, exact: false, min: value, max: value + 10 ** zeros - 1 };
}

/** One metadata part: its visible text and its accessibility label, if any. */
interface Part {
  text: string;
  label?: string;
}

type PartKind = 'handle' | 'subscribers' | 'videos' | 'views' | 'upcoming';

function classify(part: Part): PartKind | undefined {
  const text = part.text;
  if (text.startsWith('@')) return 'handle';
  const both = `${text} ${part.label ?? ''}`;
  if (labels.subscribers.test(both)) return 'subscribers';
  if (labels.views.test(both)) return 'views';
  if (labels.videos.test(both)) return 'videos';
  if (labels.upcoming.test(text)) return 'upcoming';
  return undefined;
}

/** A part's count: an exact reading of its text or label wins, else the text's, else the label's. */
function partCount(part: Part, locale: string, shape: (reading: CountReading) => CountReading): CountReading | undefined {
  if (labels.none.test(part.text)) return { value: 0, exact: true, min: 0, max: 0 };
  const fromText = readCount(part.text, locale);
  const fromLabel = readCount(part.label, locale);
  const text = fromText ? shape(fromText) : undefined;
  const label = fromLabel ? shape(fromLabel) : undefined;
  return preferExact(text, label);
}

/** What a channel header says, from its metadata parts (DOM rows or the JSON rows alike). */
interface HeaderParts {
  handle?: string;
  subscribers?: CountReading;
  videos?: CountReading;
}

function readHeaderParts(parts: Part[], locale: string): HeaderParts {
  const result: HeaderParts = {};
  let recognised = false;
  const unlabelled: Part[] = [];
  for (const part of parts) {
    const kind = classify(part);
    if (kind === 'handle') {
      result.handle ??= part.text.slice(1).split(/\s/)[0];
    } else if (kind === 'subscribers') {
      recognised = true;
      result.subscribers ??= partCount(part, locale, subscriberReading);
    } else if (kind === 'videos') {
      recognised = true;
      result.videos ??= partCount(part, locale, asRead);
    } else if (kind === undefined && /\d/.test(part.text)) {
      unlabelled.push(part);
    }
  }
  // A language whose words we do not know: YouTube's order is "@handle • subscribers • videos"
  // (2024-26 rows, verified in channel-header-2026). Only when nothing was recognised by its label.
  if (!recognised && unlabelled.length === 2) {
    result.subscribers = partCount(unlabelled[0]!, locale, subscriberReading);
    result.videos = partCount(unlabelled[1]!, locale, asRead);
  }
  return result;
}

/** Parts of a rendered `yt-content-metadata-view-model`: rows are its children, parts their children. */
function domParts(metadata: Element): Part[] {
  const parts: Part[] = [];
  const push = (text: string, label?: string) => {
    for (const piece of text.split(DELIMITER)) {
      if (!DELIMITER_ONLY.test(piece)) parts.push({ text: piece.trim(), label });
    }
  };
  const rows = metadata.children.length > 0 ? [...metadata.children] : [metadata];
  for (const row of rows) {
    const children = [...row.children];
    if (children.length === 0) {
      push(textOf(row), row.getAttribute('aria-label') ?? undefined);
      continue;
    }
    for (const child of children) {
      const text = textOf(child);
      if (DELIMITER_ONLY.test(text)) continue;
      const labelled = child.hasAttribute('aria-label') ? child : child.querySelector('[aria-label]');
      const label = labelled?.getAttribute('aria-label') ?? undefined;
      push(text, label && /\d/.test(label) ? label : undefined);
    }
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Page data (ytInitialData)
// ---------------------------------------------------------------------------------------------

/** How the page data is assigned: `var ytInitialData = {…};` (desktop, verified 2024-01) or on window. */
const INITIAL_DATA_MARKERS = ['var ytInitialData', 'window["ytInitialData"]', "window['ytInitialData']", 'window.ytInitialData'];
const MAX_SCRIPT_CHARS = 8_000_000;
const MAX_VISITS = 500_000;

/** Index of the "}" closing the object that opens at `start`, skipping strings; -1 if unbalanced. */
function matchingBrace(text: string, start: number): number {
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
function readInitialData(doc: Document): unknown {
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
function jsonText(value: unknown): string | undefined {
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

function jsonArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `contentMetadataViewModel.metadataRows[].metadataParts[]` → parts. */
function jsonParts(contentMetadata: unknown): Part[] {
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
interface JsonPost {
  views?: CountReading;
  live: boolean;
  /** Channel id of the byline (Home-tab shelves hold other channels' videos). */
  ownerId?: string;
}

interface Bootstrap {
  /** The data names the channel of the URL: only then is anything below filled in. */
  matches: boolean;
  subscribers?: CountReading;
  videos?: CountReading;
  name?: string;
  channelId?: string;
  /** Every way the data names its channel, as refKey()s. */
  identities: Set<string>;
  posts: Map<string, JsonPost>;
}

const POST_KEYS = new Set([
  'videoRenderer', // 2026 videos tab (verified channel-header-2026)
  'gridVideoRenderer', // Home-tab shelves (verified 2024-01)
  'channelVideoPlayerRenderer', // Home-tab featured video (verified 2024-01)
  'reelItemRenderer', // 2021-23 shorts (assumed)
  'lockupViewModel', // 2026 videos tab (verified channel-videos-tab-2026)
  'shortsLockupViewModel', // 2026 shorts tab (verified channel-shorts-tab-2026)
]);

/** A match found while walking, kept on the stack so that matches come out in document order. */
class Hit {
  constructor(
    readonly key: string,
    readonly value: unknown,
  ) {}
}

/** Every value stored under one of `keys` inside `root`, in document order, not descending into them. */
function collect(root: unknown, keys: ReadonlySet<string>): Hit[] {
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

function readJsonPost(key: string, node: unknown, locale: string): [string, JsonPost] | undefined {
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
    return [id, { live: false, views: fieldViews(jsonText(pick(node, 'overlayMetadata', 'secondaryText'))) }];
  }
  if (key === 'lockupViewModel') {
    const id = jsonString(node.contentId);
    if (!id || !VIDEO_ID.test(id) || jsonString(node.contentType) !== 'LOCKUP_CONTENT_TYPE_VIDEO') return undefined;
    const parts = jsonParts(pick(node, 'metadata', 'lockupMetadataViewModel', 'metadata', 'contentMetadataViewModel'));
    const badges = JSON.stringify(node.contentImage ?? {});
    const live = parts.some((part) => classify(part) === 'upcoming') || /BADGE_STYLE_(?:LIVE|UPCOMING)/.test(badges);
    const viewsPart = parts.find((part) => classify(part) === 'views');
    return [id, { live, views: live || !viewsPart ? undefined : partCount(viewsPart, locale, asRead) }];
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
  const post: JsonPost = { live, ownerId: jsonString(pick(byline, 'navigationEndpoint', 'browseEndpoint', 'browseId')) };
  if (!live) {
    // viewCountText is written in full ("127.696 visualizaciones"): exact. The short one is truncated.
    post.views = fieldViews(jsonText(node.viewCountText)) ?? fieldViews(jsonText(node.shortViewCountText));
  }
  return [id, post];
}

/** Every way a URL or text names a channel ("/@OneMedia.", "http://www.youtube.com/@x", "@x"). */
function addIdentity(into: Set<string>, value: string | undefined): void {
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

function readBootstrap(doc: Document, url: ChannelRef, locale: string): Bootstrap {
  const empty: Bootstrap = { matches: false, identities: new Set(), posts: new Map() };
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

  const result: Bootstrap = { matches: true, identities, posts: new Map(), channelId };
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

  for (const hit of collect(data.contents, POST_KEYS)) {
    const entry = attempt('json post', () => readJsonPost(hit.key, hit.value, locale));
    if (entry && !result.posts.has(entry[0])) result.posts.set(entry[0], entry[1]);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------------------------

/** What the rendered header shows. */
interface DomHeader {
  /** Some part of a channel header is on screen (the counts may still be missing or hidden). */
  rendered: boolean;
  handle?: string;
  name?: string;
  subscribers?: CountReading;
  videos?: CountReading;
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

  let bootstrapCache: Bootstrap | undefined;
  /** ytInitialData: parsed once per reader, used only when trusted and about this channel. */
  const bootstrap = (): Bootstrap => {
    if (bootstrapCache) return bootstrapCache;
    bootstrapCache = { matches: false, identities: new Set(), posts: new Map() };
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
      result.notes.push(t('siteNotChannel'));
      return result;
    }
    let dom = attempt('header', domHeader) ?? { rendered: false };
    if (isStale(dom.handle)) {
      result.notes.push(t('siteStaleChannel', dom.handle ?? ''));
      dom = { rendered: false };
    }
    const data = bootstrap();
    const subscribers = preferExact(dom.subscribers, data.subscribers);
    const videos = preferExact(dom.videos, data.videos);
    const name = dom.name ?? data.name;
    if (name) result.displayName = name;
    if (subscribers) result.followers = subscribers;
    if (videos) result.postsCount = videos;

    if (!subscribers) {
      result.notes.push(
        dom.rendered
          ? t('siteSubscribersNotFound')
          : t('siteSubscribersNotYet'),
      );
    } else if (!subscribers.exact) {
      result.notes.push(t('siteSubscribersRounded'));
    }
    if (!videos && dom.rendered) result.notes.push(t('siteVideosNotFound'));
    if (videos?.value === 0) result.notes.push(t('siteNoVideos'));
    if (!readsPosts) result.notes.push(t('siteViewsTabs'));
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
    }

    const json = bootstrap().posts.get(video.id);
    if (json) {
      if (json.live) {
        counts.live = true;
        delete counts.views;
      } else if (json.views) {
        const views = preferExact(counts.views, json.views);
        if (views) counts.views = views;
      }
      const channelId = bootstrap().channelId;
      if (json.ownerId && channelId && json.ownerId !== channelId) counts.notOwn = true;
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

  return {
    postSelector: tileSelector,
    header,
    post,
    anchor,
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
