import { render } from '@testing-library/react';
import { useState } from 'react';
import { SettingsPanel } from '@/components/dashboard/SettingsPanel';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

/**
 * The settings panel over a local copy of the settings (the defaults with `initial` over them), as
 * the dashboard holds them; `newer`: stored by a newer MicroScope. Returns every change it made,
 * in order.
 */
export function renderSettingsPanel(initial: Partial<Settings> = {}, newer = false): Partial<Settings>[] {
  const changes: Partial<Settings>[] = [];
  function Harness() {
    const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS, ...initial });
    return (
      <SettingsPanel
        settings={settings}
        newer={newer}
        onChange={(patch) => {
          changes.push(patch);
          setSettings((current) => ({ ...current, ...patch }));
        }}
      />
    );
  }
  render(<Harness />);
  return changes;
}
