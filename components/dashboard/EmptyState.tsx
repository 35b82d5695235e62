import { t } from '@/lib/i18n';

/** What an empty shortlist says: how to fill it. */
export function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('emptyTitle')}</h2>
      <p>{t('emptyText', t('saveToShortlist'))}</p>
      <p className="muted">{t('emptyBackupHint')}</p>
    </section>
  );
}
