import type { ImportReport } from '@/lib/store';

export interface ImportReportViewProps {
  report: ImportReport;
  fileName: string;
  onDismiss(): void;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** What an import did: added, merged, unchanged, and every refused row with its reason. */
export function ImportReportView({ report, fileName, onDismiss }: ImportReportViewProps) {
  const failed = report.error !== undefined;
  const summary = failed
    ? `Nothing was imported from ${fileName}.`
    : `Imported ${fileName}: ${plural(report.added, 'new profile')}, ${plural(report.merged, 'profile')} merged with saved ones, ${plural(report.unchanged, 'profile')} already up to date.`;
  return (
    <section className={`notice ${failed || report.refused.length > 0 ? 'notice-warn' : 'notice-ok'}`} aria-labelledby="import-report-title">
      <h2 id="import-report-title" className="notice-title">
        Import report
      </h2>
      <p role="status">{summary}</p>
      {report.error && <p className="notice-error">{report.error}</p>}
      {report.refused.length > 0 && (
        <>
          <p>
            {plural(report.refused.length, 'row was', 'rows were')} refused and left out. Your saved profiles were not changed by them.
          </p>
          <table className="refused">
            <caption className="visually-hidden">Refused rows</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Handle</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.refused.slice(0, 200).map((row) => (
                <tr key={row.index}>
                  <td>{row.index + 1}</td>
                  <td>{row.handle ?? '–'}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.refused.length > 200 && <p className="muted">…and {plural(report.refused.length - 200, 'more row')}.</p>}
        </>
      )}
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
