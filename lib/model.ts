import type { ProfileSnapshot } from './sites/types';
import type { ProfileVerdict } from './verdict';

/*
 * The domain's shared shapes, for every layer: the content script makes them, the shortlist
 * stores what they show, the popup and the badge draw them.
 */

/** What the content script shows for the profile in front of the user. */
export interface ProfileView {
  url: string;
  snapshot: ProfileSnapshot;
  verdict: ProfileVerdict;
}
