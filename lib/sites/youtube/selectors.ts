/** Where YouTube puts the numbers and the words around them: selectors, labels, id shapes. */

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
export const selectors = {
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
export const labels = {
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
export const DELIMITER = /\s*[•·‧|]\s*/;
export const DELIMITER_ONLY = /^[\s•·‧|]*$/;

export const GRID_TABS = new Set(['', 'featured', 'videos', 'shorts', 'streams']);
export const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
