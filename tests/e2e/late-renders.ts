/**
 * How each platform's late fixture (tests/fixtures/<platform>/profile-late.html, channel-late.html)
 * looks once the site has rendered its header and a post after load: [selector, innerHTML] pairs.
 * Shared by the E2E test (platforms.test.ts) and the bench's "badge after the counts are in the
 * DOM" timing (bench/pages.ts LATE_HEADERS).
 */
export const LATE_RENDERS: Record<'tiktok' | 'youtube' | 'x' | 'bluesky' | 'threads', [selector: string, html: string][]> = {
  tiktok: [
    [
      '#header-slot',
      '<h1 data-e2e="user-title">late.bloomer</h1><h2 data-e2e="user-subtitle">Sam Okafor</h2><h3>' +
        '<div><strong data-e2e="following-count">287</strong><span>Following</span></div>' +
        '<div><strong data-e2e="followers-count">5,312</strong><span>Followers</span></div>' +
        '<div><strong data-e2e="likes-count">91.2K</strong><span>Likes</span></div></h3>',
    ],
    [
      '[data-e2e="user-post-item-list"]',
      '<div data-e2e="user-post-item"><a href="/@late.bloomer/video/7331000000000000001"><strong data-e2e="video-views">2,048</strong></a></div>',
    ],
  ],
  youtube: [
    [
      'yt-page-header-renderer',
      '<yt-page-header-view-model><yt-dynamic-text-view-model><h1><span>Late Riser</span></h1></yt-dynamic-text-view-model>' +
        '<yt-content-metadata-view-model><div><span>@lateriser</span></div><div><span aria-label="9.87 thousand subscribers">9.87K subscribers</span>' +
        '<span aria-hidden="true">•</span><span>41 videos</span></div></yt-content-metadata-view-model></yt-page-header-view-model>',
    ],
    [
      'ytd-rich-grid-renderer #contents',
      '<ytd-rich-item-renderer><yt-lockup-view-model><a href="/watch?v=lrSunrise01"></a><h3><a href="/watch?v=lrSunrise01">Sunrise</a></h3>' +
        '<yt-content-metadata-view-model><div><span>2.1K views</span><span> • </span><span>5 days ago</span></div></yt-content-metadata-view-model>' +
        '</yt-lockup-view-model></ytd-rich-item-renderer>',
    ],
  ],
  x: [
    [
      '#app-bar',
      '<button aria-label="Back" role="button" data-testid="app-bar-back"></button>' +
        '<div><h2 dir="ltr" aria-level="2" role="heading"><span>Sam Late</span></h2><div dir="ltr">61 posts</div></div>',
    ],
    [
      '#profile-header',
      '<div data-testid="UserName"><div><div dir="ltr"><span>Sam Late</span></div></div><div><div dir="ltr"><span>@late_bloomer</span></div></div></div>' +
        '<div><a href="/late_bloomer/following" role="link"><span>287</span> <span>Following</span></a>' +
        '<a href="/late_bloomer/verified_followers" role="link"><span>5,310</span> <span>Followers</span></a></div>',
    ],
    [
      '#timeline',
      '<div data-testid="cellInnerDiv"><article role="article" tabindex="0" data-testid="tweet">' +
        '<div data-testid="User-Name"><a href="/late_bloomer" role="link"><span>Sam Late</span></a>' +
        '<a href="/late_bloomer/status/1885629161272246273" role="link"><time datetime="2025-02-01T10:00:00.000Z">Feb 1</time></a></div>' +
        '<div aria-label="3 replies, 1 repost, 42 likes, 980 views" role="group"></div></article></div>',
    ],
  ],
  bluesky: [
    [
      '#root',
      '<div data-testid="profileView"><div><div dir="auto" data-testid="profileHeaderDisplayName">Sam Okafor</div>' +
        '<div dir="auto">@late-bloomer.bsky.social</div></div><div>' +
        '<a href="/profile/late-bloomer.bsky.social/followers" aria-label="5312 followers" data-testid="profileHeaderFollowersButton"><span>5.3K </span><span>followers</span></a>' +
        '<a href="/profile/late-bloomer.bsky.social/follows" aria-label="287 following" data-testid="profileHeaderFollowsButton"><span>287 </span><span>following</span></a>' +
        '<div dir="auto">61 <span>posts</span></div></div></div>' +
        '<div data-testid="postsFeed"><div role="link" tabindex="0" data-testid="feedItem-by-late-bloomer.bsky.social"><div>' +
        '<a href="/profile/late-bloomer.bsky.social" dir="auto">Sam Okafor</a>' +
        '<a href="/profile/late-bloomer.bsky.social/post/3lq1late0001a" dir="auto"><span>· </span>1d</a>' +
        '<div dir="auto" data-testid="postText">First light.</div>' +
        '<button aria-label="Reply (2 replies)" data-testid="replyBtn"><div dir="auto">2</div></button>' +
        '<button aria-label="Repost or quote post"><div dir="auto" data-testid="repostCount">1</div></button>' +
        '<button aria-label="Like (40 likes)" data-testid="likeBtn"><div dir="auto" data-testid="likeCount">40</div></button>' +
        '</div></div></div>',
    ],
  ],
  threads: [
    [
      '#threads-late-slot',
      '<div><h1 dir="auto" translate="no">Sam Okafor</h1><span dir="auto" translate="no"><span>late.bloomer</span></span></div>' +
        '<div><a href="/login" role="link"><span dir="auto"><span title="5,312">5.3K</span> followers</span></a></div>' +
        '<div><a href="/@late.bloomer/replies">Replies</a><a href="/@late.bloomer/reposts">Reposts</a></div>' +
        '<div><div><div data-pressable-container="true"><div><a href="/@late.bloomer">late.bloomer</a>' +
        '<a href="/@late.bloomer/post/DLateAaAaAa" role="link"><time datetime="2025-12-01T09:00:00.000Z">12/01/25</time></a></div>' +
        '<div><span dir="auto"><span>First light.</span></span></div><div>' +
        '<div><div role="button"><div><svg aria-label="Like" role="img" width="18" height="18"><title>Like</title></svg><span dir="auto"><span>40</span></span></div></div></div>' +
        '<div><div role="button"><div><svg aria-label="Comment" role="img" width="18" height="18"><title>Comment</title></svg><span dir="auto"><span>2</span></span></div></div></div>' +
        '<div><div role="button"><div><svg aria-label="Repost" role="img" width="18" height="18"><title>Repost</title></svg><span dir="auto"><span>1</span></span></div></div></div>' +
        '<div><div role="button"><div><svg aria-label="Share" role="img" width="18" height="18"><title>Share</title></svg></div></div></div>' +
        '</div></div></div></div>',
    ],
  ],
};
