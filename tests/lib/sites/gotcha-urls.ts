import type { Platform } from '../../../lib/platforms';

/**
 * Real-looking profile URLs per platform, with the handle each must give (as written in the URL,
 * without "@"). Every adapter must read its own list and say "not mine" to every other list.
 * Lists for platforms without an adapter yet are already used as negative cases.
 */
export const PROFILE_URLS: Record<Platform, [url: string, handle: string][]> = {
  instagram: [
    ['https://www.instagram.com/pluto__travel/', 'pluto__travel'],
    ['https://www.instagram.com/pluto__travel', 'pluto__travel'], // no trailing slash
    ['https://instagram.com/ana.tidepool/', 'ana.tidepool'], // bare host
    ['https://m.instagram.com/ana.tidepool/', 'ana.tidepool'], // mobile host
    ['https://www.instagram.com/Ana.Tidepool/', 'Ana.Tidepool'], // case kept as in the URL
    ['https://www.instagram.com/kofi.bakes/?hl=de', 'kofi.bakes'], // language switch
    ['https://www.instagram.com/kofi.bakes/?igsh=MTc4MmM1YmI2Ng%3D%3D', 'kofi.bakes'], // share link
    ['https://www.instagram.com/mila.moves/reels/', 'mila.moves'], // reels tab
    ['https://www.instagram.com/mila.moves/reels', 'mila.moves'], // reels tab, no slash
    ['https://www.instagram.com/nasa/tagged/', 'nasa'], // tagged tab
    ['https://www.instagram.com/_under_score_/', '_under_score_'], // "_" may start and end a name
    ['https://www.instagram.com/a/', 'a'], // one character
    ['https://www.instagram.com/abcdefghijklmnopqrstuvwxyz1234/', 'abcdefghijklmnopqrstuvwxyz1234'], // 30 = max
    ['https://www.instagram.com/explore.more/', 'explore.more'], // starts like a reserved route
    ['https://www.instagram.com/reels_daily/', 'reels_daily'], // contains a reserved word
    ['https://www.instagram.com/natgeo/#grid', 'natgeo'], // fragment
  ],
  tiktok: [
    ['https://www.tiktok.com/@khaby.lame', 'khaby.lame'],
    ['https://www.tiktok.com/@khaby.lame?lang=en', 'khaby.lame'],
    ['https://www.tiktok.com/@scout2015/', 'scout2015'],
    ['https://m.tiktok.com/@scout2015', 'scout2015'],
  ],
  youtube: [
    ['https://www.youtube.com/@MrBeast', 'MrBeast'],
    ['https://www.youtube.com/@MrBeast/videos', 'MrBeast'],
    ['https://m.youtube.com/@veritasium/shorts', 'veritasium'],
    ['https://www.youtube.com/channel/UCX6OQ3DkcsbYNE6H8uQQuVA', 'UCX6OQ3DkcsbYNE6H8uQQuVA'],
  ],
  x: [
    ['https://x.com/NASA', 'NASA'],
    ['https://x.com/Kikobeats', 'Kikobeats'],
    ['https://twitter.com/jack', 'jack'],
    ['https://mobile.twitter.com/jack', 'jack'],
  ],
  bluesky: [
    ['https://bsky.app/profile/jay.bsky.team', 'jay.bsky.team'],
    ['https://bsky.app/profile/pfrazee.com', 'pfrazee.com'],
    ['https://bsky.app/profile/bsky.app/', 'bsky.app'],
  ],
  threads: [
    ['https://www.threads.com/@zuck', 'zuck'],
    ['https://www.threads.com/@mosseri/', 'mosseri'], // trailing slash
    ['https://threads.com/@ana.tidepool?xmt=AQGz', 'ana.tidepool'], // bare host, share-link query
    ['https://www.threads.net/@ana.tidepool', 'ana.tidepool'], // the old host (Instagram's sibling: same username)
    ['https://www.threads.com/@ana.tidepool/replies', 'ana.tidepool'], // replies tab
    ['https://www.threads.com/@ana.tidepool/media', 'ana.tidepool'], // media tab
    ['https://www.threads.com/@ana.tidepool/reposts', 'ana.tidepool'], // reposts tab
  ],
};

/**
 * URLs that look like profiles, or sit on a profile host, but are not a profile page. No adapter
 * may give a handle for any of them. Each says why it is tricky.
 */
export const GOTCHA_URLS: readonly [url: string, why: string][] = [
  // Instagram
  ['https://www.instagram.com/', 'home feed: no path segment'],
  ['https://www.instagram.com/explore/', 'a route, not a user called "explore"'],
  ['https://www.instagram.com/explore/tags/travel/', 'hashtag page under a reserved route'],
  ['https://www.instagram.com/explore/locations/212988663/paris-france/', 'location page'],
  ['https://www.instagram.com/reels/', 'the reels feed, not a reels tab (no handle before it)'],
  ['https://www.instagram.com/reels/C9abc123XYZ/', 'a reel in the reels feed'],
  ['https://www.instagram.com/p/DAtp02bRsTu/', 'a post page: one segment after /p/ looks like /{handle}/x/'],
  ['https://www.instagram.com/reel/DAtp03cVwXy/', 'a reel page'],
  ['https://www.instagram.com/tv/CAbc123dEfG/', 'an old IGTV page'],
  ['https://www.instagram.com/ana.tidepool/p/DAtp02bRsTu/', '2024+ post URL under the author handle'],
  ['https://www.instagram.com/ana.tidepool/reel/DAtp03cVwXy/', '2024+ reel URL under the author handle'],
  ['https://www.instagram.com/stories/ana.tidepool/3456789012345678901/', 'a story: handle in second place'],
  ['https://www.instagram.com/stories/highlights/17890000000000000/', 'a highlight'],
  ['https://www.instagram.com/accounts/login/?next=%2Fana.tidepool%2F', 'login wall naming a profile in the query'],
  ['https://www.instagram.com/accounts/edit/', 'own settings'],
  ['https://www.instagram.com/direct/inbox/', 'messages'],
  ['https://www.instagram.com/about/', 'static page'],
  ['https://www.instagram.com/legal/privacy/', 'static page'],
  ['https://www.instagram.com/developer/', 'static page'],
  ['https://www.instagram.com/web/friendships/123/follow/', 'internal endpoint'],
  ['https://www.instagram.com/challenge/', 'security check'],
  ['https://www.instagram.com/emails/settings/', 'settings'],
  ['https://www.instagram.com/your_activity/interactions/likes', 'own activity'],
  ['https://www.instagram.com/.dotfirst/', 'not a valid username: starts with "."'],
  ['https://www.instagram.com/dotlast./', 'not a valid username: ends with "."'],
  ['https://www.instagram.com/two..dots/', 'not a valid username: ".."'],
  ['https://www.instagram.com/abcdefghijklmnopqrstuvwxyz12345/', 'not a valid username: 31 characters'],
  ['https://www.instagram.com/has-dash/', 'not a valid username: "-"'],
  ['https://www.instagram.com/ana.tidepool/followers/', 'the followers dialog, not one of the profile tabs we read'],
  ['https://www.instagram.com/ana.tidepool/saved/', 'own saved posts tab'],
  ['https://help.instagram.com/581066165581870', 'help centre: other subdomain'],
  ['https://l.instagram.com/?u=https%3A%2F%2Fexample.com%2F', 'outbound link shim'],
  ['https://about.instagram.com/', 'corporate site: other subdomain'],
  ['https://instagram.com.evil.example/ana.tidepool/', 'look-alike host'],
  ['https://www.instagram.com/@ana.tidepool', 'Threads-style "@" path on Instagram: not a username'],
  // TikTok
  ['https://www.tiktok.com/@khaby.lame/video/7234567890123456789', 'a video under the author handle'],
  ['https://www.tiktok.com/@khaby.lame/photo/7234567890123456789', 'a photo post under the author handle'],
  ['https://www.tiktok.com/explore', 'explore feed'],
  ['https://www.tiktok.com/foryou', 'feed'],
  ['https://www.tiktok.com/tag/baking', 'hashtag page'],
  ['https://www.tiktok.com/music/original-sound-7234567890123456789', 'sound page'],
  ['https://www.tiktok.com/search?q=bread', 'search'],
  ['https://vm.tiktok.com/ZMabc123/', 'short link: target unknown until redirected'],
  // X / Twitter
  ['https://x.com/i/flow/login', 'login flow: "i" is a route, not a user'],
  ['https://x.com/home', 'home timeline'],
  ['https://x.com/explore', 'explore'],
  ['https://x.com/search?q=microscope&src=typed_query', 'search'],
  ['https://x.com/notifications', 'notifications'],
  ['https://x.com/messages', 'messages'],
  ['https://x.com/settings/profile', 'own settings (the word profile in the path)'],
  ['https://x.com/compose/post', 'composer'],
  ['https://x.com/hashtag/travel', 'hashtag page'],
  ['https://x.com/i/lists/1234567890', 'a list'],
  ['https://x.com/NASA/status/1234567890123456789', 'a post under the author handle'],
  ['https://twitter.com/NASA/status/1234567890123456789/photo/1', 'a photo of a post'],
  // YouTube
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'a video'],
  ['https://www.youtube.com/shorts/abcDEF12345', 'a short'],
  ['https://youtu.be/dQw4w9WgXcQ', 'short link to a video'],
  ['https://www.youtube.com/results?search_query=bread', 'search'],
  ['https://www.youtube.com/feed/subscriptions', 'feed'],
  ['https://www.youtube.com/playlist?list=PL1234567890ABCDEF', 'a playlist'],
  ['https://www.youtube.com/', 'home'],
  // Bluesky
  ['https://bsky.app/search?q=x', 'search'],
  ['https://bsky.app/', 'home feed'],
  ['https://bsky.app/notifications', 'notifications'],
  ['https://bsky.app/settings', 'settings'],
  ['https://bsky.app/profile/jay.bsky.team/post/3kabc123xyz2a', 'a post under the author handle'],
  ['https://bsky.app/profile/bsky.app/feed/whats-hot', 'a feed generator'],
  // Threads
  ['https://www.threads.com/@zuck/post/DR0Wsy0EhCP', 'a post (and its replies) under the author handle'],
  ['https://www.threads.com/@zuck/post/DR0Wsy0EhCP/media', 'a post\'s media viewer'],
  ['https://www.threads.net/t/CuXFPIeLLod', 'the old short post link: no handle'],
  ['https://www.threads.com/search?q=zuck&serp_type=default', 'search, naming a handle in the query'],
  ['https://www.threads.com/search?q=aithreads&serp_type=tags&tag_id=18399895213044171', 'a topic tag (the header\'s tag links)'],
  ['https://www.threads.com/activity', 'the activity feed'],
  ['https://www.threads.com/', 'home feed'],
  ['https://www.threads.com/login?show_choice_screen=false', 'login wall'],
  ['https://www.threads.com/zuck', 'no "@": not a Threads profile route'],
  ['https://www.threads.com/@zuck/followers', 'not a tab: followers open as a dialog'],
  ['https://www.threads.com/@two..dots', 'not a valid username: ".."'],
  ['https://l.threads.com/?u=https%3A%2F%2Fwww.instagram.com%2Fzuck%2F', 'outbound link shim'],
  ['https://www.threads.com.evil.example/@zuck', 'look-alike host'],
  // Anywhere
  ['https://example.com/ana.tidepool/', 'a site we do not read'],
  ['https://www.google.com/search?q=instagram.com%2Fana.tidepool', 'a profile URL inside a query'],
];
