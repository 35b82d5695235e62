import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountBadge } from '@/entrypoints/content-main/mount-badge';
import type { BadgeHandle } from '@/lib/content-controller';
import { startLifetime, type Lifetime } from '@/lib/content-lifetime';
import { loadSavedProfile } from '@/lib/shortlist/door';
import { CONTRACT } from '../e2e/badge';
import { resetBrowser } from '../shortlist-env';
import { exact, posts, view } from './popup/views';

/*
 * The badge as the content script mounts it (issue 14): a closed shadow root, so the page gets null
 * from host.shadowRoot; its buttons act on trusted events only; the host carries the contract
 * attributes and nothing of the user's own. happy-dom has no trusted events: a test marks one.
 */
const maya = () => view({ followers: exact(4_200), posts: posts(12, { likes: 300, comments: 10 }) });

let lifetime: Lifetime;
let badge: BadgeHandle | undefined;
let shadow: ShadowRoot | undefined;

beforeEach(() => {
  resetBrowser();
  document.body.innerHTML = '<main><header><h2 id="name">maya.travels</h2></header></main>';
  lifetime = startLifetime({ win: window, doc: document, alive: () => true, onNavigate: () => undefined });
  // The test's own way in (the page has none): the root attachShadow returns.
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    shadow = attach.call(this, init);
    return shadow;
  });
});

afterEach(() => {
  badge?.remove();
  lifetime.end();
  shadow = undefined;
});

async function mounted(): Promise<HTMLElement> {
  await act(async () => {
    badge = await mountBadge(lifetime, document.getElementById('name'), maya(), new AbortController().signal);
  });
  const host = document.querySelector<HTMLElement>('microscope-badge');
  if (!host || !shadow) throw new Error('no badge');
  return host;
}

const click = (target: Element, trusted: boolean): void => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
};

const button = (name: RegExp): HTMLButtonElement => {
  const found = [...shadow!.querySelectorAll('button')].find((candidate) => name.test(candidate.textContent ?? ''));
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

describe('mountBadge', () => {
  it('puts the badge in a closed shadow root, beside the name', async () => {
    const host = await mounted();
    expect(host.shadowRoot, 'the page gets null').toBeNull();
    expect(HTMLElement.prototype.attachShadow).toHaveBeenCalledWith({ mode: 'closed' });
    expect(host.previousElementSibling?.id).toBe('name');
    expect(shadow!.querySelector('.ms-pill')).not.toBeNull();
  });

  it('carries the contract attributes on the host and nothing of the user’s own', async () => {
    const host = await mounted();
    const names = host.getAttributeNames();
    expect(names.filter((name) => !(CONTRACT as readonly string[]).includes(name) && name !== 'style')).toEqual([]);
    expect(host.getAttribute('data-handle')).toBe(maya().verdict.handle);
  });

  it('opens only on a trusted click: a synthetic one from the page does nothing', async () => {
    await mounted();
    const pill = shadow!.querySelector('.ms-pill')!;
    await act(async () => click(pill, false));
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    await act(async () => click(pill, true));
    expect(pill.getAttribute('aria-expanded')).toBe('true');
  });

  it('saves only on a trusted click: a synthetic one on Save writes nothing', async () => {
    await mounted();
    await act(async () => click(shadow!.querySelector('.ms-pill')!, true));
    const save = button(/Save to shortlist|saveToShortlist/i);
    await act(async () => {
      click(save, false);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(await loadSavedProfile(maya().verdict.platform, maya().verdict.handle)).toBeUndefined();
    await act(async () => {
      click(save, true);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(await loadSavedProfile(maya().verdict.platform, maya().verdict.handle)).toBeDefined();
  });

  it('keeps synthetic keys away from the buttons too', async () => {
    await mounted();
    const pill = shadow!.querySelector('.ms-pill')!;
    const reached = vi.fn();
    pill.addEventListener('keydown', reached);
    await act(async () => pill.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })));
    expect(reached).not.toHaveBeenCalled();
  });

  it('goes with the main part: the lifetime’s end removes it', async () => {
    const host = await mounted();
    lifetime.end();
    expect(host.isConnected).toBe(false);
  });
});
