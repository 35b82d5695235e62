import { useCallback, useEffect, useMemo, useState } from 'react';
import { SettingsPanel } from '@/components/dashboard/SettingsPanel';
import { ShortlistView } from '@/components/dashboard/ShortlistView';
import { exportBackup } from '@/lib/backup';
import { shortlistToCsv } from '@/lib/csv';
import { schemeOf } from '@/lib/settings';
import { useSettings } from '@/lib/settings-storage';
import type { SavedProfile } from '@/lib/shortlist';
import { useShortlist, type ImportReport } from '@/lib/store';

type Page = 'shortlist' | 'settings';

function pageOf(hash: string): Page {
  return hash === '#settings' ? 'settings' : 'shortlist';
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Saves text as a file through a temporary <a download>. */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The dashboard (options page): the shortlist and the settings, wired to their stores. */
export function App() {
  const hydrated = useShortlist((state) => state.hydrated);
  const profiles = useShortlist((state) => state.profiles);
  const writeError = useShortlist((state) => state.writeError);
  const settingsReady = useSettings((state) => state.hydrated);
  const settings = useSettings((state) => state.settings);
  const settingsError = useSettings((state) => state.error);
  const [page, setPage] = useState<Page>(() => pageOf(location.hash));
  const [importResult, setImportResult] = useState<{ report: ImportReport; fileName: string } | undefined>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const onHash = (): void => setPage(pageOf(location.hash));
    window.addEventListener('hashchange', onHash);
    // "Last seen 3 days ago" stays true while the tab stays open.
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => {
      window.removeEventListener('hashchange', onHash);
      clearInterval(timer);
    };
  }, []);

  const scheme = useMemo(() => schemeOf(settings), [settings]);
  const count = Object.keys(profiles).length;

  const removeProfiles = useCallback((keys: string[]) => useShortlist.getState().remove(keys), []);
  const saveDetails = useCallback((key: string, tags: string[], note: string) => {
    const { setTags, setNote } = useShortlist.getState();
    setTags(key, tags);
    setNote(key, note);
  }, []);
  const exportCsv = useCallback(
    (rows: SavedProfile[]) => download(`microscope-shortlist-${today()}.csv`, shortlistToCsv(rows, { scheme }), 'text/csv;charset=utf-8'),
    [scheme],
  );
  const exportJson = useCallback(() => {
    download(`microscope-backup-${today()}.json`, exportBackup({ profiles: useShortlist.getState().profiles }), 'application/json');
  }, []);
  const importFile = useCallback((file: File) => {
    file
      .text()
      .then((text) => setImportResult({ report: useShortlist.getState().importBackup(text), fileName: file.name }))
      .catch((error: unknown) =>
        setImportResult({
          report: { total: 0, added: 0, merged: 0, unchanged: 0, refused: [], error: `The file could not be read (${String(error)}).` },
          fileName: file.name,
        }),
      );
  }, []);

  if (!hydrated || !settingsReady) {
    return (
      <main className="page" aria-busy="true">
        <p className="loading" role="status">
          Loading your shortlist…
        </p>
      </main>
    );
  }

  return (
    <>
      <header className="masthead">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            µ
          </span>
          <span>MicroScope</span>
        </div>
        <nav aria-label="Dashboard">
          <a href="#shortlist" aria-current={page === 'shortlist' ? 'page' : undefined}>
            Shortlist <span className="badge-count">{count.toLocaleString('en-US')}</span>
          </a>
          <a href="#settings" aria-current={page === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
      </header>
      <main className="page">
        {writeError && (
          <p className="notice notice-warn" role="alert">
            {writeError} Your changes are kept in this tab; download a backup to be safe.
          </p>
        )}
        {page === 'shortlist' ? (
          <>
            <h1 className="visually-hidden">Shortlist</h1>
            <ShortlistView
              profiles={profiles}
              scheme={scheme}
              now={now}
              onRemove={removeProfiles}
              onSaveDetails={saveDetails}
              onExportCsv={exportCsv}
              onExportBackup={exportJson}
              onImportFile={importFile}
              importResult={importResult}
              onDismissImport={() => setImportResult(undefined)}
            />
          </>
        ) : (
          <>
            <h1 className="visually-hidden">Settings</h1>
            <SettingsPanel settings={settings} onChange={(patch) => useSettings.getState().update(patch)} error={settingsError} />
          </>
        )}
      </main>
    </>
  );
}
