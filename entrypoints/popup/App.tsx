import { useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { Loading } from '@/components/popup/Loading';
import { NoContentScript } from '@/components/popup/NoContentScript';
import { NotAProfile } from '@/components/popup/NotAProfile';
import { PopupFrame } from '@/components/popup/PopupFrame';
import { ProfilePanel } from '@/components/popup/ProfilePanel';
import { Unreadable, type CopyStatus } from '@/components/popup/Unreadable';
import { UnsupportedSite } from '@/components/popup/UnsupportedSite';
import { say } from '@/components/words/message';
import { t } from '@/lib/i18n';
import type { ProfileView } from '@/lib/model';
import type { GetDiagnosticsResponse, GetViewResponse, Message } from '@/lib/messages';
import { PLATFORMS, profileKey, type Platform } from '@/lib/platforms';
import { injectMainPart } from '@/lib/inject-main-part';
import { ADAPTERS, adapterFor, adapterForHost } from '@/lib/sites';
import { shortlistWritesSettled, useShortlist, whenShortlistHydrated } from '@/lib/shortlist/store';

/** How often the popup asks the tab again while the page is still being read. */
const POLL_MS = 1000;
/** The content script settles within SETTLE_TIMEOUT_MS (6 s); after a reload the page needs a few more. */
const MAX_POLLS = 20;
/** Polls for the script the popup injected itself (it answers within one when it starts). */
const START_POLLS = 3;

type TabState =
  | { kind: 'asking' }
  /** Not a site MicroScope reads; host is known only for sites inside our host permissions. */
  | { kind: 'unsupported'; host?: string }
  /** A supported site where our content script doesn't answer (tab opened before install or update). */
  | { kind: 'no-script'; tabId: number; platform: Platform }
  | { kind: 'not-profile'; platform: Platform }
  | { kind: 'view'; tabId: number; view: ProfileView };

/** Platforms with an adapter, in UI order. */
function supportedPlatforms(): Platform[] {
  return PLATFORMS.filter((platform) => ADAPTERS.some((adapter) => adapter.platform === platform));
}

function isView(value: unknown): value is ProfileView {
  return typeof value === 'object' && value !== null && 'verdict' in value && 'url' in value;
}

/**
 * What the active tab shows. `tabs.query` works without the "tabs" permission; `tab.url` is only
 * filled in for sites inside our host permissions, which is how an unsupported site is told apart.
 */
async function askActiveTab(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'unsupported' };
  let host: string | undefined;
  try {
    host = tab.url ? new URL(tab.url).hostname || undefined : undefined;
  } catch {
    host = undefined;
  }
  const adapter = host ? adapterForHost(host) : undefined;
  if (!adapter) return { kind: 'unsupported', host };
  // On a page that is not a profile no script of ours runs (the background injects one into
  // profiles only, lib/injector.ts): the URL says "not a profile".
  if (tab.url && !adapterFor(tab.url)) return { kind: 'not-profile', platform: adapter.platform };

  const message = { type: 'microscope:get-view' } satisfies Message;
  let answer: GetViewResponse | undefined;
  try {
    answer = (await browser.tabs.sendMessage(tab.id, message)) as GetViewResponse | undefined;
  } catch {
    // "Receiving end does not exist": no content script in this tab.
    return { kind: 'no-script', tabId: tab.id, platform: adapter.platform };
  }
  if (answer === null) return { kind: 'not-profile', platform: adapter.platform };
  if (!isView(answer)) return { kind: 'no-script', tabId: tab.id, platform: adapter.platform };
  return { kind: 'view', tabId: tab.id, view: answer };
}

/** Asks the tab on open, then every POLL_MS while the answer is still settling (at most MAX_POLLS times). */
function useTabState() {
  const [state, setState] = useState<TabState>({ kind: 'asking' });
  const [round, setRound] = useState(0);
  const [reloadRequested, setReloadRequested] = useState(false);
  /** The round the current series of polls started at. */
  const [pollBase, setPollBase] = useState(0);
  /**
   * A profile tab without our script (its injection failed, or it was open while the extension was
   * off): the popup puts it in once itself (lib/inject-main-part.ts), then waits for its answer;
   * "Reload" is offered only if that does not bring it.
   */
  const startTried = useRef(false);
  /** The round the popup's own injection was made at, while it is awaited. */
  const [startedAt, setStartedAt] = useState<number | undefined>();

  useEffect(() => {
    let live = true;
    askActiveTab()
      .then((next) => {
        if (!live) return;
        setState(next);
        if (next.kind !== 'no-script') setReloadRequested(false);
        if (next.kind === 'no-script' && !startTried.current) {
          startTried.current = true;
          setStartedAt(round);
          injectMainPart(next.tabId).catch((error: unknown) => {
            console.warn('[MicroScope] could not start on the tab', error);
            setStartedAt(undefined);
          });
        }
      })
      .catch((error: unknown) => {
        console.warn('[MicroScope] popup could not ask the tab', error);
        if (live) setState({ kind: 'unsupported' });
      });
    return () => {
      live = false;
    };
  }, [round]);

  const pollsLeft = round - pollBase < MAX_POLLS;
  // A reload that brought no content script within MAX_POLLS gives the button back.
  const reloading = reloadRequested && pollsLeft;
  // The script the popup put in answers within a few polls, or the Reload button comes.
  const injecting = startedAt !== undefined && round - startedAt < START_POLLS;
  const settling =
    pollsLeft &&
    ((state.kind === 'view' && state.view.verdict.state === 'loading') || (state.kind === 'no-script' && (reloading || injecting)));
  useEffect(() => {
    if (!settling) return undefined;
    const timer = setTimeout(() => setRound((count) => count + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [settling, state]);

  const reload = (tabId: number): void => {
    setReloadRequested(true);
    setPollBase(round);
    browser.tabs.reload(tabId).catch((error: unknown) => {
      console.warn('[MicroScope] could not reload the tab', error);
      setReloadRequested(false);
    });
  };

  return { state, reloading, injecting, reload };
}

/** "Copy diagnostics": the content script builds the redacted report; the popup copies it. */
function useDiagnostics(tabId: number | undefined) {
  const [status, setStatus] = useState<CopyStatus>('idle');
  const [fallback, setFallback] = useState<string | undefined>();

  const copy = async (): Promise<void> => {
    if (tabId === undefined) return;
    setStatus('copying');
    setFallback(undefined);
    let text: GetDiagnosticsResponse | undefined;
    try {
      text = (await browser.tabs.sendMessage(tabId, { type: 'microscope:get-diagnostics' } satisfies Message)) as
        | GetDiagnosticsResponse
        | undefined;
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') {
      setStatus('unavailable');
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch (error) {
      console.warn('[MicroScope] clipboard refused the diagnostics', error);
      setStatus('failed');
      setFallback(text);
    }
  };

  return { status, fallback, copy: () => void copy() };
}

function openDashboard(): void {
  browser.runtime
    .openOptionsPage()
    // A note typed just before must reach storage before the popup goes.
    .then(() => shortlistWritesSettled())
    .then(() => window.close())
    .catch((error: unknown) => console.warn('[MicroScope] could not open the dashboard', error));
}

/** The toolbar popup: asks the active tab what it shows and renders the matching state. */
export function App() {
  const hydrated = useShortlist((store) => store.hydrated);
  const profiles = useShortlist((store) => store.profiles);
  const recent = useShortlist((store) => store.recent);
  const writeError = useShortlist((store) => store.writeError);
  const { state, reloading, injecting, reload } = useTabState();
  const diagnostics = useDiagnostics(state.kind === 'view' ? state.tabId : undefined);
  const [now] = useState(() => new Date());

  useEffect(() => {
    whenShortlistHydrated().catch((error: unknown) => console.warn('[MicroScope] shortlist', error));
  }, []);

  const knownTags = useMemo(
    () => [...new Set(Object.values(profiles).flatMap((profile) => profile.tags))].sort((a, b) => a.localeCompare(b)),
    [profiles],
  );

  let body;
  if (!hydrated || state.kind === 'asking' || (state.kind === 'no-script' && injecting)) {
    body = <Loading />;
  } else if (state.kind === 'unsupported') {
    body = <UnsupportedSite host={state.host} supported={supportedPlatforms()} recent={recent} now={now} />;
  } else if (state.kind === 'no-script') {
    body = <NoContentScript platform={state.platform} reloading={reloading} onReload={() => reload(state.tabId)} />;
  } else if (state.kind === 'not-profile') {
    body = <NotAProfile platform={state.platform} recent={recent} now={now} />;
  } else {
    const { view } = state;
    const { verdict } = view;
    const key = profileKey(verdict.platform, verdict.handle);
    const store = useShortlist.getState;
    if (verdict.state === 'unknown') {
      body = (
        <Unreadable
          verdict={verdict}
          onCopyDiagnostics={diagnostics.copy}
          copyStatus={diagnostics.status}
          fallbackText={diagnostics.fallback}
        />
      );
    } else if (verdict.state === 'loading' && !verdict.followers) {
      body = <Loading handle={verdict.handle} platform={verdict.platform} />;
    } else {
      body = (
        <ProfilePanel
          view={view}
          saved={profiles[key]}
          knownTags={knownTags}
          onSave={() => void store().save(view)}
          onRemove={() => void store().remove([key])}
          onTagsChange={(tags) => void store().setTags(key, tags)}
          onNoteChange={(note) => void store().setNote(key, note)}
        />
      );
    }
  }

  return (
    <PopupFrame onOpenDashboard={openDashboard}>
      {writeError && (
        <p className="warn" role="alert">
          {say(writeError)} {t('writeErrorHint')}
        </p>
      )}
      {body}
    </PopupFrame>
  );
}
