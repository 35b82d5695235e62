// Words, not codes: the report is text the user reads and pastes, made on demand at the popup's
// request, and the notes are written as the badge shows them (lib/i18n noteText), so what the user
// saw and what they paste match. Nothing else here depends on the UI language.
import { noteText } from './i18n';
import type { ProfileView } from './model';

/*
 * "Copy diagnostics": what a user can paste into a bug report when a profile's counts could not be
 * read. It must help us fix a selector without carrying anything about the creator or the user.
 *
 * What the outline keeps, and why each is safe:
 * - tag names ("header", "ytd-channel-name"): the site's code;
 * - the NAMES of data-* and aria-* attributes, never their values (aria-label holds names and
 *   counts; data-* values hold ids);
 * - the values of `role` (a fixed ARIA vocabulary) and of `data-testid` / `data-e2e` (test hooks
 *   the sites' engineers wrote: "UserName", "followers-count"). Some testids embed a handle, and on
 *   a timeline mostly someone else's: Bluesky's `feedItem-by-{handle}` and `postThreadItem-by-…`
 *   (reposts, replies), X's `UserAvatar-Container-{handle}` (reposts, quoted posts, who-to-follow).
 *   So every kept value and attribute name is scrubbed: the profile's own handle and name (the
 *   strings passed in `redact`) become "{handle}"; what follows a known handle prefix, and any
 *   domain-like token (an atproto handle), becomes "{other}" unless it is the profile's own; long
 *   digit runs (numeric user ids) become "{n}"; and a value is refused unless it is a plain token;
 * - whether an `<a>` has an href, and whether an element has text of its own and whether that text
 *   has digits — never the text or the href itself.
 * Never kept: text, href/src values, ids, classes (generated, and sometimes user names), title,
 * alt, any other attribute value, shadow roots, the inside of svg/script/style.
 */

/** How much of the page an outline may show. */
export interface OutlineOptions {
  /** Levels below the root to show; the root is level 0. */
  maxDepth?: number;
  /** Lines at most; a last line says how many were cut. */
  maxLines?: number;
  /** Elements to visit at most, so a huge page can't stall the tab. */
  maxNodes?: number;
  /** Strings (handle, display name) replaced by "{handle}" wherever a kept value contains them. */
  redact?: readonly (string | undefined)[];
}

/**
 * Instagram's assumed header nests its counts 6–9 levels below <main> (lib/sites/instagram.ts):
 * 10 levels reach them; repeated post tiles collapse to one, so 200 lines hold a profile page.
 */
export const OUTLINE_LIMITS = { maxDepth: 10, maxLines: 200, maxNodes: 5000 } as const;

/** Attributes whose value is site code, not data: kept after scrubbing. */
const KEPT_VALUES = new Set(['role', 'data-testid', 'data-e2e']);
/** Elements whose inside is drawing or code, not page structure. */
const OPAQUE = new Set(['svg', 'math', 'script', 'style', 'noscript', 'template', 'iframe', 'canvas', 'video', 'picture']);
/** Elements left out altogether. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);

const SAFE_TOKEN = /^[A-Za-z0-9_:.{}-]{1,60}$/;
const SAFE_ROLE = /^[a-z]+(?: [a-z]+)*$/;
const ATTRIBUTE_NAME = /^(?:data|aria)-[a-z0-9_.:-]{1,60}$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Test hooks whose tail is a handle (tests/fixtures/bluesky, tests/fixtures/x, ../shared/pages):
 * `feedItem-by-…`, `postThreadItem-by-…` (Bluesky), `UserAvatar-Container-…` (X).
 */
const HANDLE_TAIL = /^(.*?-by-|UserAvatar-Container-)(.+)$/i;
/** A domain name of two or more labels: how atproto handles look ("sam.rivers.bsky.social"). */
const DOMAIN_LIKE = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Replaces the profile's own handle and name (case-insensitive) with "{handle}", long digit runs with "{n}". */
function scrubber(redact: readonly (string | undefined)[] | undefined): (text: string) => string {
  const words = (redact ?? [])
    .map((word) => word?.trim().replace(/^@/, ''))
    .filter((word): word is string => word !== undefined && word.length >= 2)
    // Longest first, so "maya.travels" is replaced before "maya".
    .sort((a, b) => b.length - a.length);
  const pattern = words.length > 0 ? new RegExp(words.map(escapeRegExp).join('|'), 'gi') : undefined;
  // Five or more digits in a row: a numeric user/channel id, not site code.
  return (text) => (pattern ? text.replace(pattern, '{handle}') : text).replace(/\d{5,}/g, '{n}');
}

/**
 * For the page's own names (test-hook values, attribute names): as `scrubber`, and also anyone
 * else's handle becomes "{other}" (after a known handle prefix, or domain-like anywhere).
 */
function hookScrubber(redact: readonly (string | undefined)[] | undefined): (text: string) => string {
  const scrub = scrubber(redact);
  return (text) => {
    const tail = HANDLE_TAIL.exec(text);
    const named = tail ? `${tail[1]}${scrub(tail[2]!.replace(/^@/, '')) === '{handle}' ? '{handle}' : '{other}'}` : scrub(text);
    return named.replace(DOMAIN_LIKE, '{other}');
  };
}

function keptValue(name: string, value: string, scrub: (text: string) => string): string | undefined {
  if (name === 'role') {
    const role = value.trim().toLowerCase();
    return SAFE_ROLE.test(role) && role.length <= 40 ? role : '?';
  }
  const cleaned = scrub(value.trim());
  return SAFE_TOKEN.test(cleaned) ? cleaned : '?';
}

/** One element as a CSS-selector-like line: `span[data-testid="UserName"][aria-label] {text}`. */
function describeElement(element: Element, scrub: (text: string) => string): string {
  const tag = element.localName.toLowerCase();
  const parts: string[] = [/^[a-z][a-z0-9-]*$/.test(tag) ? tag : '?'];
  if (tag === 'a' && element.hasAttribute('href')) parts.push('[href]');
  const names = element
    .getAttributeNames()
    .map((name) => name.toLowerCase())
    .sort();
  for (const name of names) {
    if (KEPT_VALUES.has(name)) {
      parts.push(`[${name}="${keptValue(name, element.getAttribute(name) ?? '', scrub)}"]`);
    } else if (ATTRIBUTE_NAME.test(name)) {
      // The name only; scrubbed too, in case a site puts an id into an attribute name.
      const safe = scrub(name);
      parts.push(`[${SAFE_TOKEN.test(safe) ? safe : 'data-?'}]`);
    }
  }
  let text = '';
  for (const node of element.childNodes) {
    // 3 = Node.TEXT_NODE; no `Node` global in every realm this runs in.
    if (node.nodeType === 3 && node.textContent && node.textContent.trim() !== '') text += node.textContent;
  }
  const line = parts.join('');
  if (text === '') return line;
  return `${line} ${/\d/.test(text) ? '{text with digits}' : '{text}'}`;
}

interface Walk {
  visited: number;
  truncatedNodes: boolean;
}

/** The lines of `element` and its subtree, `depth` levels below the root. */
function outlineLines(
  element: Element,
  depth: number,
  limits: Required<Omit<OutlineOptions, 'redact'>>,
  scrub: (text: string) => string,
  walk: Walk,
): string[] {
  walk.visited++;
  const indent = '  '.repeat(depth);
  const own = describeElement(element, scrub);
  const tag = element.localName.toLowerCase();
  const children = [...element.children].filter((child) => !SKIPPED.has(child.localName.toLowerCase()));
  if (children.length === 0 || OPAQUE.has(tag)) return [`${indent}${own}`];
  if (depth >= limits.maxDepth || walk.visited >= limits.maxNodes) {
    if (walk.visited >= limits.maxNodes) walk.truncatedNodes = true;
    return [`${indent}${own} (+${children.length} ${children.length === 1 ? 'child' : 'children'} not shown)`];
  }

  const lines = [`${indent}${own}`];
  // Runs of identical siblings (post tiles, list items) show once, with a count.
  let previous: string[] | undefined;
  let repeats = 0;
  const flush = (): void => {
    if (repeats > 0) lines.push(`${indent}  (×${repeats} more like the above)`);
    repeats = 0;
  };
  for (const child of children) {
    if (walk.visited >= limits.maxNodes) {
      walk.truncatedNodes = true;
      break;
    }
    const childLines = outlineLines(child, depth + 1, limits, scrub, walk);
    if (previous && sameLines(previous, childLines)) {
      repeats++;
      continue;
    }
    flush();
    lines.push(...childLines);
    previous = childLines;
  }
  flush();
  return lines;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index]);
}

/**
 * A redacted outline of the DOM under `root`: one line per element, indented two spaces per
 * level, with tag names and data-/aria- attribute names only (see the file comment for what is
 * kept). Never throws.
 * @example pageOutline(main) // "main\n  div[data-testid=\"primaryColumn\"]\n    h2[aria-level] {text}"
 */
export function pageOutline(root: Element, options: OutlineOptions = {}): string {
  const limits = {
    maxDepth: options.maxDepth ?? OUTLINE_LIMITS.maxDepth,
    maxLines: Math.max(1, options.maxLines ?? OUTLINE_LIMITS.maxLines),
    maxNodes: options.maxNodes ?? OUTLINE_LIMITS.maxNodes,
  };
  const walk: Walk = { visited: 0, truncatedNodes: false };
  let lines: string[];
  try {
    lines = outlineLines(root, 0, limits, hookScrubber(options.redact), walk);
  } catch (error) {
    return `(outline failed: ${error instanceof Error ? error.name : 'error'})`;
  }
  if (walk.truncatedNodes) lines.push(`(stopped after ${limits.maxNodes} elements)`);
  if (lines.length > limits.maxLines) {
    const kept = lines.slice(0, limits.maxLines - 1);
    kept.push(`(${lines.length - kept.length} more lines cut)`);
    lines = kept;
  }
  return lines.join('\n');
}

/**
 * Path words the sites use for their own routes: kept in a redacted URL. Anything else in a path
 * (a handle, a video id, a channel id) becomes a placeholder.
 */
const ROUTE_WORDS = new Set([
  // Instagram
  'p', 'reel', 'reels', 'tv', 'tagged', 'saved', 'guides', 'stories', 'highlights', 'followers', 'following',
  // TikTok
  'video', 'photo', 'live',
  // YouTube
  'channel', 'c', 'user', 'videos', 'shorts', 'streams', 'playlists', 'community', 'posts', 'featured',
  'about', 'podcasts', 'releases', 'store', 'courses', 'watch',
  // X
  'with_replies', 'media', 'likes', 'status', 'verified_followers', 'articles',
  // Bluesky
  'profile', 'post', 'lists', 'feed', 'starter-pack',
  // Threads (post, media: above)
  'replies', 'reposts', 'activity',
  // Pages that are not profiles, on every site
  'explore', 'search', 'hashtag', 'tag', 'results', 'home', 'i', 'flow', 'login', 'foryou', 'discover', 'notifications',
]);

/**
 * A URL reduced to host and path shape: the handle becomes "{handle}", other non-route segments
 * "{id}"; query and fragment are dropped.
 * @example redactUrl('https://www.tiktok.com/@maya/video/7311?lang=en', 'maya') // "https://www.tiktok.com/@{handle}/video/{id}"
 */
export function redactUrl(url: string, handle?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(not a URL)';
  }
  const wanted = handle?.replace(/^@/, '').toLowerCase();
  const segments = parsed.pathname.split('/').map((segment) => {
    if (segment === '') return segment;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      decoded = segment;
    }
    const at = decoded.startsWith('@') ? '@' : '';
    const bare = decoded.slice(at.length).toLowerCase();
    if (wanted !== undefined && bare === wanted) return `${at}{handle}`;
    if (at === '' && ROUTE_WORDS.has(bare)) return bare;
    // "@someone": the page's subject when we know of none, else someone else.
    if (at) return wanted === undefined ? '@{handle}' : '@{other}';
    return '{id}';
  });
  return `${parsed.protocol}//${parsed.host}${segments.join('/')}`;
}

export interface DiagnosticsInput {
  platform?: string;
  /** The page's full URL: redacted here. */
  url: string;
  /** The profile's handle, scrubbed from the URL and notes. */
  handle?: string;
  /** Scrubbed from the notes too. */
  displayName?: string;
  /** The verdict's state ('loading' | 'ok' | 'partial' | 'unknown'), or none. */
  state?: string;
  notes: readonly string[];
  /** From pageOutline. */
  outline: string;
  /** The extension's version (manifest). */
  version: string;
  userAgent: string;
  /** `<html lang>` of the page: numbers are read by it. */
  locale?: string;
  /** Injectable for tests. */
  now?: Date;
}

/** The text "Copy diagnostics" puts on the clipboard: everything redacted, ready to paste in an issue. */
export function diagnosticsReport(input: DiagnosticsInput): string {
  const scrub = scrubber([input.handle, input.displayName]);
  const notes = input.notes.length > 0 ? input.notes.map((note) => `- ${scrub(note)}`) : ['- (none)'];
  const lines = [
    'MicroScope diagnostics',
    `Extension: ${input.version}`,
    `Browser: ${input.userAgent}`,
    `Time: ${(input.now ?? new Date()).toISOString()}`,
    `Platform: ${input.platform ?? 'unknown'}`,
    `Page: ${redactUrl(input.url, input.handle)}`,
    `Page language: ${input.locale && /^[A-Za-z0-9-]{1,20}$/.test(input.locale) ? input.locale : 'unknown'}`,
    `State: ${input.state ?? 'no profile'}`,
    'Notes:',
    ...notes,
    '',
    'Page structure (tag names and data-/aria- attribute names only; no text, no links, no names):',
    input.outline,
  ];
  return lines.join('\n');
}

/**
 * The report for the profile a content script shows: the outline of <main> (or <body>), scrubbed
 * of the profile's handle and display name. For the `microscope:get-diagnostics` message.
 */
export function diagnosticsForPage(
  doc: Document,
  view: ProfileView | null,
  context: { url: string; version: string; userAgent: string; platform?: string },
): string {
  const verdict = view?.verdict;
  const root = doc.querySelector('main') ?? doc.body ?? doc.documentElement;
  const redact = [verdict?.handle, verdict?.displayName];
  return diagnosticsReport({
    platform: verdict?.platform ?? context.platform,
    url: context.url,
    handle: verdict?.handle,
    displayName: verdict?.displayName,
    state: verdict?.state,
    notes: (verdict?.notes ?? []).map(noteText),
    outline: root ? pageOutline(root, { redact }) : '(no document)',
    version: context.version,
    userAgent: context.userAgent,
    locale: doc.documentElement?.lang || undefined,
  });
}
