import { formatInteger } from '@/lib/format';
import { plural, t } from '@/lib/i18n';
import type { ImportReport } from '@/lib/shortlist/store';
import { say } from '../words/message';

export interface ImportReportViewProps {
  report: ImportReport;
  fileName: string;
  onDismiss(): void;
}

/** What an import did: added, merged, unchanged, and every refused row with its reason. */
export function ImportReportView({ report, fileName, onDismiss }: ImportReportViewProps) {
  const failed = report.error !== undefined;
  const summary = failed
    ? t('importNothing', fileName)
    : t(
        'importSummary',
        fileName,
        plural('importNewProfiles', report.added, formatInteger(report.added)),
        plural('importMergedProfiles', report.merged, formatInteger(report.merged)),
        plural('importUnchangedProfiles', report.unchanged, formatInteger(report.unchanged)),
      );
  return (
    <section className={`notice ${failed || report.refused.length > 0 ? 'notice-warn' : 'notice-ok'}`} aria-labelledby="import-report-title">
      <h2 id="import-report-title" className="notice-title">
        {t('importReport')}
      </h2>
      <p role="status">{summary}</p>
      {report.error && <p className="notice-error">{say(report.error)}</p>}
      {report.refused.length > 0 && (
        <>
          <p>
            {plural('importRefused', report.refused.length, formatInteger(report.refused.length))}
          </p>
          <table className="refused">
            <caption className="visually-hidden">{t('refusedRows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('columnHandle')}</th>
                <th scope="col">{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.refused.slice(0, 200).map((row) => (
                <tr key={row.index}>
                  <td>{row.index + 1}</td>
                  <td>{row.handle ?? '–'}</td>
                  <td>{say(row.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.refused.length > 200 && <p className="muted">{plural('moreRows', report.refused.length - 200, formatInteger(report.refused.length - 200))}</p>}
        </>
      )}
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </section>
  );
}
