import { instagramTakenAt } from '../../signals/post-dates';
import { exactCount } from '../shared';
import type { PostCounts } from '../types';
import type { PageDataPost } from './page-data';

/** Which of the profile's tabs a URL shows: the grid of posts, the Reels tab, the tagged tab. */
export type InstagramTab = 'posts' | 'reels' | 'tagged';

/**
 * The profile's own posts among those the page's requests brought (feed.ts), as the tab shows
 * them: the timeline query's posts on the grid, newest first with the pinned ones on top (as the
 * grid orders them); the Reels tab query's reels there, in the order received; none on the tagged
 * tab (every tile is someone else's post). A post is this profile's when its author's username is
 * the handle, or, where the data names no username (the Reels tab's), its author's id is the one
 * the same data gives for the handle. Posts of other authors stay out: they came from another
 * profile of this document (an earlier SPA page) or are a collaborator's, whose tile says so.
 *
 * Counts are exact (the data's integers); hidden likes and views are left out, never 0.
 */
export function dataPostsFor(posts: readonly PageDataPost[], handle: string, tab: InstagramTab, readAt: number): PostCounts[] {
  if (tab === 'tagged' || handle === '') return [];
  const name = handle.toLowerCase();
  const ids = new Set<string>();
  for (const post of posts) if (post.owner === name && post.ownerId) ids.add(post.ownerId);
  const own = posts.filter(
    (post) => (post.owner === name || (post.owner === undefined && post.ownerId !== undefined && ids.has(post.ownerId))) && post.from === (tab === 'reels' ? 'clips' : 'timeline'),
  );
  if (tab === 'posts') {
    own.sort((a, b) => Number(b.pinned === true) - Number(a.pinned === true) || (b.takenAt ?? -1) - (a.takenAt ?? -1));
  }
  return own.map((post) => toCounts(post, readAt));
}

function toCounts(post: PageDataPost, readAt: number): PostCounts {
  const counts: PostCounts = { id: post.code, kind: post.reel ? 'reel' : 'post' };
  if (post.pinned) counts.pinned = true;
  if (post.likesHidden) counts.likesHidden = true;
  else {
    if (post.likes !== undefined) counts.likes = exactCount(post.likes);
    if (post.plays !== undefined) counts.views = exactCount(post.plays);
  }
  if (post.comments !== undefined) counts.comments = exactCount(post.comments);
  const date = post.takenAt === undefined ? undefined : instagramTakenAt(post.takenAt, readAt);
  if (date) counts.postedAt = date.at;
  return counts;
}

/** How many of the data's posts the engagement can use: not pinned, likes shown. */
export function usableDataPosts(posts: readonly PostCounts[]): number {
  return posts.filter((post) => !post.pinned && !post.likesHidden && post.likes !== undefined).length;
}
