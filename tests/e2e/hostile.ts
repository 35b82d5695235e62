/**
 * A hostile page (issue 14), as the site's own script could act: the functions here are run in the
 * page's main world by the test driver (Playwright's addInitScript/evaluate in Chromium, puppeteer's
 * evaluateOnNewDocument/evaluate over WebDriver BiDi in Firefox), which is where a page script runs
 * and all it can reach. Each function is self-contained: it is serialised into the page.
 *
 * What the page tries, knowing the extension's id (public in the stores) and WXT's conventions:
 * - hear MicroScope: a capturing listener on window and document for every event type it can name
 *   (every `on…` event of the platform, plus WXT's events under the extension's id), recording any
 *   whose type mentions the id, "microscope" or "wxt"; and every performance mark and measure;
 * - reach into the badge: `host.shadowRoot`;
 * - switch it off: WXT's content-script-started event with `contentScriptName: 'content'`, and a
 *   forged locationchange;
 * - press its buttons: click, Enter and Space (synthetic events) on every element it can reach,
 *   the badge's host included, and `click()`.
 */

/** Names a page can build from the extension's id and WXT's event naming (`${id}:${entrypoint}:wxt:…`). */
const WXT_ENTRYPOINTS = ['content', 'content-main', 'content-loader'];
const WXT_EVENTS = ['wxt:content-script-started', 'wxt:locationchange'];

/** Installs the listeners, before the page's HTML is parsed (init script). */
export function hostileListen(args: { extensionId: string; entrypoints: string[]; events: string[] }): void {
  const heard: { type: string; target: string }[] = [];
  const marks: string[] = [];
  // The page's own forged events (hostileAttack) are not MicroScope's: not recorded.
  const own = new WeakSet<Event>();
  const suspicious = (type: string): boolean => {
    const lower = type.toLowerCase();
    return lower.includes(args.extensionId.toLowerCase()) || lower.includes('microscope') || lower.includes('wxt');
  };
  const types = new Set<string>();
  for (const target of [window, document, Document.prototype, HTMLElement.prototype, Element.prototype, Window.prototype]) {
    for (let object: object | null = target; object; object = Object.getPrototypeOf(object)) {
      for (const name of Object.getOwnPropertyNames(object)) if (name.startsWith('on')) types.add(name.slice(2));
    }
  }
  for (const entrypoint of args.entrypoints) for (const event of args.events) types.add(`${args.extensionId}:${entrypoint}:${event}`);
  for (const event of args.events) types.add(event);
  types.add('message');
  for (const type of types) {
    for (const [target, name] of [
      [window, 'window'],
      [document, 'document'],
    ] as const) {
      target.addEventListener(
        type,
        (event) => {
          if (own.has(event)) return;
          const data = (event as MessageEvent).data as { messageId?: unknown } | undefined;
          if (event.type === 'message' && data?.messageId === 'page') return;
          const mentioned = suspicious(event.type) || (event.type === 'message' && suspicious(JSON.stringify(data) ?? String(data)));
          if (mentioned) heard.push({ type: event.type, target: name });
        },
        { capture: true },
      );
    }
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.push(`${entry.entryType} ${entry.name}`);
    }).observe({ entryTypes: ['mark', 'measure'] });
  } catch {
    // no PerformanceObserver: the report reads performance.getEntries() too
  }
  (window as unknown as { __hostile: unknown }).__hostile = { heard, marks, types: types.size, own };
}

/** Tries to switch MicroScope off and press its buttons. Returns what it could see of the badge. */
export function hostileAttack(args: { extensionId: string; entrypoints: string[] }): { hosts: number; shadowRoots: number } {
  const hosts = [...document.querySelectorAll('microscope-badge')];
  const shadowRoots = hosts.filter((host) => host.shadowRoot !== null).length;
  const own = (window as unknown as { __hostile?: { own: WeakSet<Event> } }).__hostile?.own;
  const send = (target: EventTarget, event: Event): void => {
    own?.add(event);
    target.dispatchEvent(event);
  };
  // 1. Switch it off: WXT's "a newer instance started" for each entrypoint name, and fake navigations.
  for (const entrypoint of args.entrypoints) {
    const started = `${args.extensionId}:${entrypoint}:wxt:content-script-started`;
    send(document, new CustomEvent(started, { detail: { contentScriptName: 'content', messageId: 'page' } }));
    send(document, new CustomEvent(started, { detail: { contentScriptName: entrypoint, messageId: 'page' } }));
    window.postMessage({ type: started, contentScriptName: 'content', messageId: 'page' }, '*');
    send(window, new Event(`${args.extensionId}:${entrypoint}:wxt:locationchange`));
  }
  send(window, new Event('wxt:locationchange'));
  send(document, new Event('yt-navigate-finish'));
  send(window, new PopStateEvent('popstate'));
  // 2. Press everything: the host, its neighbours, whatever has focus.
  const targets = new Set<Element>([...hosts, ...document.querySelectorAll('body *')]);
  if (document.activeElement) targets.add(document.activeElement);
  for (const target of targets) {
    // The page's own links and forms would navigate away: pressing them proves nothing about us.
    if (target.closest('a[href], form') && !hosts.includes(target)) continue;
    const init = { bubbles: true, cancelable: true, composed: true };
    target.dispatchEvent(new PointerEvent('pointerdown', init));
    target.dispatchEvent(new MouseEvent('mousedown', init));
    target.dispatchEvent(new PointerEvent('pointerup', init));
    target.dispatchEvent(new MouseEvent('mouseup', init));
    target.dispatchEvent(new MouseEvent('click', init));
    for (const key of ['Enter', ' ']) {
      const code = key === 'Enter' ? 'Enter' : 'Space';
      target.dispatchEvent(new KeyboardEvent('keydown', { ...init, key, code }));
      target.dispatchEvent(new KeyboardEvent('keypress', { ...init, key, code }));
      target.dispatchEvent(new KeyboardEvent('keyup', { ...init, key, code }));
    }
    if (target instanceof HTMLElement) {
      target.focus();
      target.click();
    }
  }
  return { hosts: hosts.length, shadowRoots };
}

/** What the page heard and sees after all that. */
export function hostileReport(): { heard: { type: string; target: string }[]; marks: string[]; types: number; shadowRootNull: boolean; hostAttributes: string[] } {
  const state = (window as unknown as { __hostile: { heard: { type: string; target: string }[]; marks: string[]; types: number } }).__hostile;
  const host = document.querySelector('microscope-badge');
  const marks = [...state.marks, ...performance.getEntries().filter((entry) => entry.entryType === 'mark' || entry.entryType === 'measure').map((entry) => `${entry.entryType} ${entry.name}`)];
  return {
    heard: state.heard,
    marks: [...new Set(marks)],
    types: state.types,
    shadowRootNull: host !== null && host.shadowRoot === null,
    hostAttributes: host ? host.getAttributeNames() : [],
  };
}

export const HOSTILE_ARGS = (extensionId: string) => ({ extensionId, entrypoints: WXT_ENTRYPOINTS, events: WXT_EVENTS });
