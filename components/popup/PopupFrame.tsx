import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';

export interface PopupFrameProps {
  onOpenDashboard: () => void;
  children: ReactNode;
}

/** The popup's chrome: name, the way to the dashboard, and the current state below. */
export function PopupFrame({ onOpenDashboard, children }: PopupFrameProps) {
  return (
    <div className="popup">
      <header className="popup-bar">
        <span className="logo" aria-hidden="true">
          µ
        </span>
        <span className="popup-name">MicroScope</span>
        <button type="button" className="button" onClick={onOpenDashboard}>
          {t('openDashboard')}
        </button>
      </header>
      <main className="popup-main">{children}</main>
    </div>
  );
}
