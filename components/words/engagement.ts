import { formulaWords, platformVideos, type EngagementResult } from '@/lib/engagement';
import { formatInteger, methodWord } from '@/lib/format';
import { listInWords, plural, t } from '@/lib/i18n';
import type { Platform } from '@/lib/platforms';
import { say } from './message';

/**
 * How the figure was worked out, in one sentence for the popup; for a failure, its message.
 * @example describeFormula(result, 'instagram')
 * // "median of (likes + comments) ÷ followers over the 24 latest posts; 2 pinned posts left out"
 */
export function describeFormula(result: EngagementResult, platform: Platform): string {
  if (!result.ok) return say(result.message);
  const words = t(formulaWords(result.formula));
  const count = result.sampleSize;
  const videos = platformVideos(platform);
  const over = plural(videos ? 'overLatestVideos' : 'overLatestPosts', count, formatInteger(count));
  const { pinned, notOwn, live, likesHidden, incomplete } = result.excluded;
  // On X and Bluesky "not own" means a repost; elsewhere a post the creator is only tagged in.
  const notOwnWords =
    platform === 'x' || platform === 'bluesky' ? plural('leftReposts', notOwn, notOwn) : plural(videos ? 'leftVideosByOthers' : 'leftPostsByOthers', notOwn, notOwn);
  const left = [
    pinned > 0 ? plural(videos ? 'leftPinnedVideos' : 'leftPinnedPosts', pinned, pinned) : '',
    notOwn > 0 ? notOwnWords : '',
    live > 0 ? plural('leftLive', live, live) : '',
    likesHidden > 0 ? plural(videos ? 'leftVideosLikesHidden' : 'leftPostsLikesHidden', likesHidden, likesHidden) : '',
    incomplete > 0 ? plural(videos ? 'leftVideosIncomplete' : 'leftPostsIncomplete', incomplete, incomplete) : '',
  ].filter((item) => item !== '');

  const parts = [t('formulaSentence', methodWord(result.method), words, over)];
  if (left.length > 0) parts.push(t('leftOut', listInWords(left)));
  if (result.approximate) parts.push(t('formulaApproximate'));
  // The language joins the clauses: '; ' in English, ' ; ' with a narrow no-break space in French, '。' in Japanese.
  return parts.reduce((first, next) => t('formulaClauses', first, next));
}
