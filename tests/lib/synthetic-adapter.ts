import type { PostCounts, ProfileReader, SiteAdapter } from '@/lib/sites/types';

/**
 * A minimal adapter over a made-up page: `<h1 data-followers="N">handle</h1>` and
 * `<article data-id="…" data-likes="…">` posts. It counts its reads so tests can check that the
 * watcher's work follows what was added, not the size of the page.
 */
export function syntheticAdapter() {
  const calls = { header: 0, post: 0, readAt: [] as (number | undefined)[] };
  const adapter: SiteAdapter = {
    platform: 'instagram',
    // Like Instagram's grid: counts the user revealed are kept per profile tab (the controller's memory).
    revealsCountsOnDemand: true,
    matchesHost: (hostname) => hostname === 'synthetic.test',
    profileHandle: (url) => /^\/([a-z]+)\/?$/.exec(url.pathname)?.[1],
    reader(doc, url, options): ProfileReader {
      calls.readAt.push(options.readAt);
      return {
        postSelector: 'article[data-id]',
        header() {
          calls.header++;
          const heading = doc.querySelector('h1[data-followers]');
          const followers = Number(heading?.getAttribute('data-followers'));
          return {
            platform: 'instagram',
            handle: url.pathname.replaceAll('/', ''),
            locale: 'en',
            followers: heading ? { value: followers, exact: true, min: followers, max: followers } : undefined,
            notes: heading ? [] : [{ key: 'siteFollowersNotYet' }],
          };
        },
        post(element): PostCounts | undefined {
          calls.post++;
          const id = element.getAttribute('data-id');
          if (!id) return undefined;
          const likesText = element.getAttribute('data-likes') ?? element.textContent?.trim();
          const likes = Number(likesText);
          // data-age-days: a post "N days ago", counted back from ReadOptions.readAt as YouTube's are.
          const age = element.getAttribute('data-age-days');
          return {
            id,
            likes: likesText && Number.isFinite(likes) ? { value: likes, exact: true, min: likes, max: likes } : undefined,
            pinned: element.hasAttribute('data-pinned'),
            ...(age !== null && options.readAt !== undefined ? { postedAt: options.readAt - Number(age) * 86_400_000 } : {}),
          };
        },
        anchor: () => doc.querySelector('h1'),
      };
    },
    manualCheckUrls: [],
  };
  return { adapter, calls };
}

/** Appends `count` posts with ids from `start`, as an infinite-scroll batch would. */
export function appendPosts(doc: Document, start: number, count: number, likes = 100): void {
  const container = doc.querySelector('#grid') ?? doc.body;
  const batch = doc.createElement('div');
  for (let index = start; index < start + count; index++) {
    const article = doc.createElement('article');
    article.setAttribute('data-id', `p${index}`);
    article.setAttribute('data-likes', String(likes));
    batch.append(article);
  }
  container.append(batch);
}
