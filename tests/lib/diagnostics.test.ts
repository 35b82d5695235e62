import { afterEach, describe, expect, it } from 'vitest';
import { diagnosticsForPage, diagnosticsReport, pageOutline, redactUrl } from '@/lib/diagnostics';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { buildVerdict } from '@/lib/verdict';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A profile header as sites write it: personal data in text, hrefs, ids, classes and aria-labels. */
const HEADER = `
<main role="main" class="x1lliihq">
  <header id="maya.travels-header" data-testid="UserProfileHeader_Items">
    <h2 title="Maya Chen" class="_ac2a">maya.travels</h2>
    <section>
      <ul>
        <li><span>224 posts</span></li>
        <li><a href="/maya.travels/followers/" data-e2e="followers-count" aria-label="48,213 followers"><span title="48,213">48.2K</span> followers</a></li>
        <li><a href="/maya.travels/following/"><span>136</span> following</a></li>
      </ul>
      <div data-testid="UserAvatar-Container-maya.travels" data-user-id="1234567890"><img src="https://cdn.example/maya.jpg" alt="Maya Chen's profile picture"></div>
      <p data-bio="Lisbon travel tips">Lisbon · travel tips · maya@example.com</p>
      <svg aria-label="Verified"><path d="M0 0"/></svg>
      <script>window.secret = "token"</script>
    </section>
  </header>
</main>`;

function mount(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
}

describe('pageOutline', () => {
  it('shows tag names and data-/aria- attribute names, indented by depth', () => {
    const outline = pageOutline(mount(HEADER), { redact: ['maya.travels', 'Maya Chen'] });
    expect(outline.split('\n').slice(0, 4)).toEqual([
      'main[role="main"]',
      '  header[data-testid="UserProfileHeader_Items"]',
      '    h2 {text}',
      '    section',
    ]);
    expect(outline).toContain('a[href][aria-label][data-e2e="followers-count"] {text}');
    expect(outline).toContain('span {text with digits}');
    expect(outline).toContain('div[data-testid="UserAvatar-Container-{handle}"][data-user-id]');
    expect(outline).toContain('p[data-bio] {text}');
    expect(outline).toContain('svg[aria-label]');
  });

  it('carries no text, no href, no other attribute value, no id or class', () => {
    const outline = pageOutline(mount(HEADER), { redact: ['maya.travels', 'Maya Chen'] });
    for (const leak of [
      'maya',
      'Maya',
      '48',
      '224',
      '136',
      'followers"',
      '/followers/',
      'Lisbon',
      'example',
      '1234567890',
      'x1lliihq',
      '_ac2a',
      'title',
      'alt',
      'src',
      'token',
      'script',
      'path',
    ]) {
      expect(outline, `outline leaks ${JSON.stringify(leak)}`).not.toContain(leak);
    }
  });

  it('scrubs long digit runs and odd tokens from kept values', () => {
    const outline = pageOutline(
      mount('<div data-testid="user-9876543210-card"><span role="tab panel"></span><i data-e2e="a b"></i></div>'),
    );
    expect(outline).toBe(['div[data-testid="user-{n}-card"]', '  span[role="tab panel"]', '  i[data-e2e="?"]'].join('\n'));
  });

  /*
   * Timelines carry other people's handles in the sites' own test hooks (tests/fixtures/bluesky
   * profile.html, tests/fixtures/x profile-*.html): only the profile's own may be named, as {handle}.
   */
  it.each([
    // [markup, the profile's handle, what the outline must say]
    ['<div data-testid="feedItem-by-sam.rivers.bsky.social"></div>', 'juniper-oakes.bsky.social', 'div[data-testid="feedItem-by-{other}"]'],
    ['<div data-testid="feedItem-by-juniper-oakes.bsky.social"></div>', 'juniper-oakes.bsky.social', 'div[data-testid="feedItem-by-{handle}"]'],
    ['<div data-testid="postThreadItem-by-tsubame.bsky.social"></div>', 'hanami.kobo.jp', 'div[data-testid="postThreadItem-by-{other}"]'],
    ['<div data-testid="UserAvatar-Container-Kikobeats"></div>', 'rauchg', 'div[data-testid="UserAvatar-Container-{other}"]'],
    ['<div data-testid="UserAvatar-Container-RAUCHG"></div>', 'rauchg', 'div[data-testid="UserAvatar-Container-{handle}"]'],
    ['<div data-testid="UserAvatar-Container-mara_sketches"></div>', undefined, 'div[data-testid="UserAvatar-Container-{other}"]'],
    ['<div data-testid="1600000000000000001-follow"></div>', 'rauchg', 'div[data-testid="{n}-follow"]'],
    // A handle anywhere else in a hook or an attribute name: a domain-like token goes whole, with
    // the dashed words before it (atproto handles have dashes: juniper-oakes.bsky.social).
    ['<div data-e2e="card-of-sam.rivers.bsky.social"></div>', 'rauchg', 'div[data-e2e="{other}"]'],
    ['<div data-sam.rivers.bsky.social></div>', 'rauchg', 'div[{other}]'],
  ] as const)('%s (profile %s) → %s', (markup, handle, expected) => {
    expect(pageOutline(mount(markup), { redact: [handle] })).toBe(expected);
  });

  it('never shows another handle from ids, hrefs, aria-labels, titles or text', () => {
    const outline = pageOutline(
      mount(
        '<article id="post-by-sam_rivers" aria-label="Reposted by sam_rivers"><a href="/sam_rivers/" title="@sam_rivers">@sam_rivers</a>' +
          '<img alt="sam_rivers" src="/sam_rivers.jpg"><span aria-describedby="sam_rivers-bio">sam_rivers</span></article>',
      ),
      { redact: ['rauchg'] },
    );
    expect(outline).not.toMatch(/sam|rivers/i);
    expect(outline).toBe(['article[aria-label]', '  a[href] {text}', '  img', '  span[aria-describedby] {text}'].join('\n'));
  });

  it('stops at maxDepth and says how many children it left out', () => {
    const outline = pageOutline(mount('<main><div><section><ul><li></li><li><b></b></li></ul></section></div></main>'), {
      maxDepth: 2,
    });
    expect(outline).toBe(['main', '  div', '    section (+1 child not shown)'].join('\n'));
  });

  it('collapses runs of identical siblings', () => {
    const tiles = '<a href="/p/1/"><img></a>'.repeat(12);
    const outline = pageOutline(mount(`<main><div>${tiles}</div><footer></footer></main>`));
    expect(outline).toBe(['main', '  div', '    a[href]', '      img', '    (×11 more like the above)', '  footer'].join('\n'));
  });

  it('keeps to maxLines, saying how many lines were cut', () => {
    const items = Array.from({ length: 50 }, (_, index) => `<p data-i${index}></p>`).join('');
    const lines = pageOutline(mount(`<main>${items}</main>`), { maxLines: 10 }).split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[9]).toBe('(42 more lines cut)');
  });

  it('stops after maxNodes elements', () => {
    const items = '<p><b></b></p>'.repeat(30);
    const outline = pageOutline(mount(`<main><div data-a>${items}</div></main>`), { maxNodes: 5 });
    expect(outline.split('\n').at(-1)).toBe('(stopped after 5 elements)');
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://www.instagram.com/maya.travels/', 'maya.travels', 'https://www.instagram.com/{handle}/'],
    ['https://www.instagram.com/Maya.Travels/reels/?hl=en#x', 'maya.travels', 'https://www.instagram.com/{handle}/reels/'],
    ['https://www.tiktok.com/@chef.li?lang=en', 'chef.li', 'https://www.tiktok.com/@{handle}'],
    ['https://www.tiktok.com/@chef.li/video/7311111111', 'chef.li', 'https://www.tiktok.com/@{handle}/video/{id}'],
    ['https://www.youtube.com/channel/UCabc123/videos', undefined, 'https://www.youtube.com/channel/{id}/videos'],
    ['https://x.com/someone/with_replies', undefined, 'https://x.com/{id}/with_replies'],
    ['https://x.com/i/flow/login?redirect_after_login=%2Fmaya', undefined, 'https://x.com/i/flow/login'],
    // Without the handle an "@name" segment is still a name.
    ['https://www.youtube.com/@someone/shorts', undefined, 'https://www.youtube.com/@{handle}/shorts'],
    // Someone else's @name on the profile's page (a link followed from it): never "{handle}".
    ['https://www.youtube.com/@someone/shorts', 'copperkettle', 'https://www.youtube.com/@{other}/shorts'],
    ['https://bsky.app/profile/maya.bsky.social', 'maya.bsky.social', 'https://bsky.app/profile/{handle}'],
    ['https://www.threads.com/@maya.travels/reposts', 'maya.travels', 'https://www.threads.com/@{handle}/reposts'],
    ['https://www.threads.com/@someone/post/DAbc2bBbBbB', 'maya.travels', 'https://www.threads.com/@{other}/post/{id}'],
    ['not a url', 'x', '(not a URL)'],
  ])('%s → %s', (url, handle, expected) => {
    expect(redactUrl(url, handle)).toBe(expected);
  });
});

describe('diagnosticsReport', () => {
  const report = diagnosticsReport({
    platform: 'instagram',
    url: 'https://www.instagram.com/maya.travels/?igsh=abc',
    handle: 'maya.travels',
    displayName: 'Maya Chen',
    state: 'unknown',
    notes: ['Follower count not found in the header of maya.travels'],
    outline: 'main\n  header',
    version: '0.1.0',
    userAgent: 'Mozilla/5.0 Test',
    locale: 'de-DE',
    now: new Date('2025-11-27T12:00:00.000Z'),
  });

  it('redacts the handle from the URL and the notes', () => {
    expect(report).toContain('Page: https://www.instagram.com/{handle}/');
    expect(report).toContain('- Follower count not found in the header of {handle}');
    expect(report).not.toMatch(/maya|igsh/i);
  });

  it('says what a bug report needs', () => {
    expect(report.split('\n').slice(0, 9)).toEqual([
      'MicroScope diagnostics',
      'Extension: 0.1.0',
      'Browser: Mozilla/5.0 Test',
      'Time: 2025-11-27T12:00:00.000Z',
      'Platform: instagram',
      'Page: https://www.instagram.com/{handle}/',
      'Page language: de-DE',
      'State: unknown',
      'Notes:',
    ]);
    expect(report.endsWith('main\n  header')).toBe(true);
  });
});

describe('diagnosticsForPage', () => {
  it('outlines <main> of the document, scrubbed of the profile', () => {
    mount(HEADER);
    document.documentElement.lang = 'en';
    const snapshot = {
      platform: 'instagram' as const,
      handle: 'maya.travels',
      displayName: 'Maya Chen',
      locale: 'en',
      posts: [],
      notes: [{ key: 'siteFollowersNotFound' as const }],
    };
    const text = diagnosticsForPage(
      document,
      { url: 'https://www.instagram.com/maya.travels/', snapshot, verdict: buildVerdict(snapshot, DEFAULT_SETTINGS, 'settled') },
      { url: 'https://www.instagram.com/maya.travels/', version: '0.1.0', userAgent: 'UA' },
    );
    expect(text).toContain('State: unknown');
    expect(text, 'the notes in words').toContain('- Follower count not found in the profile header.');
    expect(text).toContain('main[role="main"]');
    expect(text).toContain('UserAvatar-Container-{handle}');
    expect(text).not.toMatch(/maya/i);
  });

  it('works without a profile', () => {
    document.body.innerHTML = '<div><p>hello</p></div>';
    const text = diagnosticsForPage(document, null, {
      url: 'https://www.instagram.com/explore/',
      version: '0.1.0',
      userAgent: 'UA',
      platform: 'instagram',
    });
    expect(text).toContain('State: no profile');
    expect(text).toContain('Page: https://www.instagram.com/explore/');
    expect(text).toContain('body\n  div\n    p {text}');
    expect(text).not.toContain('hello');
  });
});
