import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { noteText, resetLanguage } from '../../../lib/i18n';
import { adapterFor, ADAPTERS, readSnapshot } from '../../../lib/sites';
import { headerNotes } from '../../../lib/sites/shared';
import { allFixtures } from '../../fixtures';
import { closeFixtures, loadFixture } from './fixture';

afterAll(closeFixtures);

/*
 * Issue 14: the adapters return note codes ({ key, args }); badge, popup and diagnostics make the
 * words (lib/i18n noteText). So lib/sites runs without browser.i18n: in a bench harness page, in Node.
 */

const LIB_SITES = join(import.meta.dirname, '..', '..', '..', 'lib', 'sites');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('lib/sites makes no words', () => {
  it.each(sources(LIB_SITES).map((file) => [file.slice(LIB_SITES.length + 1), file]))('%s imports only types from lib/i18n', (_name, file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)];
    const values = imports.filter(([, type, from]) => !type && /(^|\/)i18n$/.test(from ?? '')).map(([line]) => line);
    expect(values, 'notes are codes: push { key: … } and let the UI call noteText').toEqual([]);
  });

  it('reads every fixture without asking browser.i18n for a word', () => {
    resetLanguage();
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    const getUILanguage = vi.spyOn(fakeBrowser.i18n, 'getUILanguage');
    let notes = 0;
    for (const page of allFixtures()) {
      const adapter = adapterFor(page.url)?.adapter ?? ADAPTERS.find((candidate) => candidate.platform === page.platform)!;
      const snapshot = readSnapshot(adapter, loadFixture(page.platform, page.name, page.url), page.url, { trustBootstrap: true });
      notes += snapshot.notes.length;
    }
    expect(notes, 'some fixtures have notes').toBeGreaterThan(0);
    expect(getMessage).not.toHaveBeenCalled();
    expect(getUILanguage).not.toHaveBeenCalled();
  });
});

describe('headerNotes: one set of header notes for every adapter', () => {
  const rounded = { value: 48_200, exact: false, min: 48_200, max: 48_299 };
  const exact = { value: 0, exact: true, min: 0, max: 0 };

  it.each([
    ['not rendered yet', { handle: 'h', followers: undefined, rendered: false }, ['Follower count not shown yet: the profile header has not loaded.']],
    ['rendered without followers', { handle: 'h', followers: undefined, rendered: true }, ['Follower count not found in the profile header.']],
    ['rounded', { handle: 'h', followers: rounded, rendered: true }, ['Follower count is rounded on the page; the exact number is not shown.']],
    ['another profile still shown: no word on followers', { handle: 'lena', followers: undefined, rendered: false, shownHandle: 'maya' }, ['The page still shows @maya, not @lena: waiting for the profile to load.']],
    ['X on the Media tab, no posts count', { handle: 'h', followers: rounded, following: rounded, rendered: true, shows: { following: true, postsCount: true }, postsOnOtherTab: true }, ['Follower count is rounded on the page; the exact number is not shown.', 'Post count is not shown on this tab: open the Posts tab.']],
    ['a YouTube channel without videos', { handle: 'h', followers: rounded, postsCount: exact, rendered: true, shows: { postsCount: true }, channel: true }, ['YouTube rounds subscriber counts down to 3 significant digits; the exact number is not public.', 'No videos yet: engagement cannot be measured.']],
    ['a channel hiding its subscribers', { handle: 'h', followers: undefined, rendered: true, channel: true, subscribersHidden: true }, ['This channel hides its subscriber count.']],
  ] as const)('%s', (_what, facts, expected) => {
    expect(headerNotes(facts).map(noteText)).toEqual(expected);
  });
});
