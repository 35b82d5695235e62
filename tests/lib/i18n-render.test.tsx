import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Badge } from '@/components/Badge';
import { ImportReportView } from '@/components/dashboard/ImportReportView';
import { SettingsPanel } from '@/components/dashboard/SettingsPanel';
import { ShortlistView } from '@/components/dashboard/ShortlistView';
import { NotAProfile } from '@/components/popup/NotAProfile';
import { ProfilePanel } from '@/components/popup/ProfilePanel';
import { readSnapshot } from '@/lib/sites';
import { instagram } from '@/lib/sites/instagram';
import { parseBackup } from '@/lib/shortlist/backup';
import { say } from '@/components/words/message';
import { compare } from '@/lib/benchmarks';
import type { ProfileView } from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { DEFAULT_TIER_SCHEME } from '@/lib/tiers';
import { useLocale } from '../i18n-fake';
import { exact, posts, rounded, savedProfile, view } from '../components/popup/views';
import { byKey, exact as exactCount, makeProfile } from './shortlist-fixtures';

// Verdicts are built after the locale is set: buildVerdict writes tier names and reasons in the UI language.
const roundedProfile = () => view({ followers: rounded(48_200, 48_150, 48_249), posts: posts(24, { pinned: 2 }) });
const spaced = (text: string | null | undefined) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

function renderPanel(profile: ProfileView, saved = false) {
  const onSave = vi.fn();
  render(
    <ProfilePanel
      view={profile}
      saved={saved ? savedProfile({ savedAt: '2026-03-14T12:00:00.000Z', tags: ['reisen'] }) : undefined}
      onSave={onSave}
      onRemove={vi.fn()}
      onTagsChange={vi.fn()}
      onNoteChange={vi.fn()}
    />,
  );
  return onSave;
}

describe('popup in German', () => {
  it('labels sections, numbers and the formula in German, with German number formats', () => {
    useLocale('de');
    const onSave = renderPanel(roundedProfile());
    for (const name of ['Stufe', 'Engagement', 'Benchmark', 'Shortlist']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    expect(screen.getByText('Follower')).toBeTruthy();
    expect(screen.getByText('≈48.200 (48.150–48.249)')).toBeTruthy();
    expect(screen.getByText('von der Seite gerundet')).toBeTruthy();
    // German writes thousands in full ("10.000"), as its compact notation does.
    expect(screen.getByText('Mid-Tier (10.000 bis unter 100.000 Follower)')).toBeTruthy();
    expect(
      screen.getByText(/Median von \(Likes \+ Kommentare\) ÷ Follower über die 24 neuesten Beiträge; ausgenommen: 2 angepinnte Beiträge/),
    ).toBeTruthy();
    expect(screen.getByText(/Schema: Ursprüngliche Definition/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zur Shortlist hinzufügen' }));
    expect(onSave).toHaveBeenCalledOnce();
  });

  it('dates the saved entry the German way and offers German controls', () => {
    useLocale('de');
    renderPanel(view({ followers: exact(9_500), posts: posts(12) }), true);
    expect(screen.getByText('Gespeichert am 14.03.2026')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Von der Shortlist entfernen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tag reisen entfernen' })).toBeTruthy();
    expect(screen.getByLabelText('Notiz')).toBeTruthy();
    expect(screen.getByText('9.500')).toBeTruthy();
    expect(screen.getByText('exakt')).toBeTruthy();
  });

  it('says a feed is not a profile', () => {
    useLocale('de');
    render(<NotAProfile platform="instagram" recent={[]} now={new Date('2026-03-14T12:00:00Z')} />);
    expect(screen.getByText('Diese Instagram-Seite ist kein Profil.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Zuletzt angesehene Profile' })).toBeTruthy();
  });
});

describe('popup in Spanish', () => {
  it('labels sections and numbers in Spanish', () => {
    useLocale('es');
    renderPanel(roundedProfile());
    for (const name of ['Nivel', 'Engagement', 'Benchmark', 'Preselección']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    expect(screen.getByText('Seguidores')).toBeTruthy();
    expect(spaced(screen.getByText(/^≈48,2/).textContent)).toBe('≈48,2 mil (48.150–48.249)');
    expect(
      screen.getByText(/mediana de \(«me gusta» \+ comentarios\) ÷ seguidores en las 24 publicaciones más recientes; se excluyen 2 publicaciones fijadas/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Guardar en la preselección' })).toBeTruthy();
  });
});

describe('badge', () => {
  it.each([
    ['de', 'MIKRO', 'nach Followern', 'Auf der Shortlist ✓', 'Schließen'],
    ['es', 'MICRO', 'por seguidores', 'Guardado en la preselección ✓', 'Cerrar'],
    ['pt_BR', 'MICRO', 'por seguidores', 'Salvo na shortlist ✓', 'Fechar'],
    ['fr', 'MICRO', 'par abonné', 'Dans la présélection ✓', 'Fermer'],
    ['it', 'MICRO', 'sui follower', 'Nella shortlist ✓', 'Chiudi'],
    ['nl', 'MICRO', 'per volger', 'Op de shortlist ✓', 'Sluiten'],
    ['ja', 'マイクロ', 'フォロワー基準', '候補リストに保存済み ✓', '閉じる'],
    ['ko', '마이크로', '팔로워 기준', '후보 리스트에 저장됨 ✓', '닫기'],
    ['id', 'MIKRO', 'berdasarkan pengikut', 'Tersimpan di shortlist ✓', 'Tutup'],
  ] as const)('%s: pill and card in the UI language', (locale, micro, basis, saved, close) => {
    useLocale(locale);
    const { verdict } = view({ followers: exact(5_000), posts: posts(12) });
    render(<Badge verdict={verdict} expanded saved onToggle={vi.fn()} onSave={vi.fn()} theme="light" />);
    const pill = screen.getAllByRole('button')[0]!;
    expect(within(pill).getByText(micro)).toBeTruthy();
    expect(pill.textContent).toContain(basis);
    expect(screen.getByRole('button', { name: saved })).toBeTruthy();
    expect(screen.getByRole('button', { name: close })).toBeTruthy();
    // The badge says which language it speaks, whatever the host page's.
    expect(pill.closest('[lang]')?.getAttribute('lang')).toBe(locale.replace('_', '-'));
    // The data attributes are a contract: never translated.
    expect(verdict.tier?.tier).toBe('micro');
  });
});

describe('badge notes', () => {
  it('says in German why the followers are unknown, as the adapter wrote it', () => {
    useLocale('de');
    // A profile page whose header has not rendered yet: the adapter notes why nothing was read.
    const page = document.implementation.createHTMLDocument('');
    const snapshot = readSnapshot(instagram, page, 'https://www.instagram.com/maya.travels/', { trustBootstrap: true });
    expect(snapshot.followers).toBeUndefined();
    const { verdict } = view(snapshot);
    render(<Badge verdict={verdict} expanded saved={false} onToggle={vi.fn()} onSave={vi.fn()} theme="light" />);
    const notes = screen.getByRole('list', { name: 'Was nicht gelesen werden konnte' });
    expect(within(notes).getByText('Followerzahl noch nicht sichtbar: Der Profil-Header ist noch nicht geladen.')).toBeTruthy();
  });
});

describe('benchmarks in Spanish', () => {
  it('gives the no-benchmark reason and the method caveat in Spanish', () => {
    useLocale('es');
    const none = compare(1, 'bluesky', 20_000, 'followers');
    expect(none.verdict === 'none' && say(none.reason)).toBe('No se encontró ningún benchmark de engagement publicado para Bluesky.');
    const tiktok = compare(6.2, 'tiktok', 1_000_000, 'views');
    if (tiktok.verdict === 'none') throw new Error(tiktok.reason.key);
    expect(say(tiktok.caveats[0]!)).toMatch(/^Modash divide la mediana de interacciones/);
    // Source names stay as published.
    expect(tiktok.source.name).toMatch(/Modash/);
  });
});

const NOW = Date.parse('2026-03-20T12:00:00.000Z');
function renderShortlist() {
  const profiles = byKey(
    makeProfile({ handle: 'maya', followers: [8_000, 8_800], engagement: 2.6, tags: ['reisen'], start: '2026-03-14T10:00:00.000Z' }),
    makeProfile({ platform: 'youtube', handle: 'alex', followers: [2_000_000], engagement: 12, start: '2026-03-19T10:00:00.000Z' }),
  );
  render(
    <ShortlistView
      profiles={profiles}
      scheme={DEFAULT_TIER_SCHEME}
      now={NOW}
      onRemove={vi.fn()}
      onSaveDetails={vi.fn()}
      onSaveQuote={vi.fn()}
      onExportCsv={vi.fn()}
      onExportBackup={vi.fn()}
      onImportFile={vi.fn()}
      onDismissImport={vi.fn()}
    />,
  );
}

describe('dashboard', () => {
  it('shows the shortlist in German: headers, tier names, numbers, dates, actions', () => {
    useLocale('de');
    renderShortlist();
    const table = screen.getByRole('table', { name: /^Gespeicherte Profile, sortiert nach/ });
    for (const name of ['Plattform', 'Handle', 'Stufe', 'Follower', 'Engagement', 'Wachstum', 'Zuletzt gesehen']) {
      expect(within(table).getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeTruthy();
    }
    const maya = within(table).getByRole('row', { name: /@maya/ });
    expect(within(maya).getByText('Mikro')).toBeTruthy();
    expect(within(maya).getByText('8.800')).toBeTruthy();
    expect(spaced(within(maya).getByText(/^2,6/).textContent)).toBe('2,60 %pro Follower');
    expect(within(maya).getByText('+10,0 %')).toBeTruthy();
    const alex = within(table).getByRole('row', { name: /@alex/ });
    expect(within(alex).getByText('Mega')).toBeTruthy();
    expect(within(alex).getByText('gestern')).toBeTruthy();
    expect(screen.getByText('2 Profile')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Alle 2 als CSV exportieren' })).toBeTruthy();
    expect(screen.getByRole('search', { name: 'Shortlist filtern' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Alle Stufen' })).toBeTruthy();
  });

  const quoted = () => {
    const profile = makeProfile({ handle: 'maya', followers: [8_000, 8_800], start: '2026-03-14T10:00:00.000Z' });
    profile.history[1]!.signals = {
      states: { 'low-engagement': 'fine', 'comment-density': 'look', 'uniform-likes': 'fine', 'viral-dependence': 'fine', 'views-likes': 'fine', 'following-ratio': 'fine' },
      posts: 12,
      newestPost: '2026-03-18T10:00:00.000Z',
      postsPerWeek: 2.5,
      engagements: exactCount(250),
      views: exactCount(20_000),
      impressions: exactCount(20_000),
      impressionsFrom: 'views',
    };
    return { ...profile, quote: { amount: 1500, currency: 'EUR' } };
  };

  it.each([
    ['de', { header: 'Kosten/Interaktion', cost: '6,00 EUR', filter: 'Aktiv in den letzten 30 Tagen', heading: 'Angebotener Preis', look: 'Kommentare pro 100 Likes', jump: 'Follower-Sprung' }],
    ['pt_BR', { header: 'Custo/engajamento', cost: 'EUR 6,00', filter: 'Ativos nos últimos 30 dias', heading: 'Preço cotado', look: 'Comentários por 100 curtidas', jump: 'Salto de seguidores' }],
    ['fr', { header: 'Coût/engagement', cost: '6,00 EUR', filter: 'Actif ces 30 derniers jours', heading: 'Tarif demandé', look: 'Commentaires pour 100 likes', jump: "Bond d’abonnés" }],
    ['it', { header: 'Costo/interazione', cost: '6,00 EUR', filter: 'Attivi negli ultimi 30 giorni', heading: 'Prezzo richiesto', look: 'Commenti ogni 100 like', jump: 'Balzo di follower' }],
    ['nl', { header: 'Kosten/engagement', cost: 'EUR 6,00', filter: 'Actief in de laatste 30 dagen', heading: 'Gevraagde prijs', look: 'Reacties per 100 likes', jump: 'Sprong in volgers' }],
  ] as const)('shows the decision signals and a quoted price in %s (issue 16)', (locale, words) => {
    useLocale(locale);
    const view = render(
      <ShortlistView
        profiles={byKey(quoted())}
        scheme={DEFAULT_TIER_SCHEME}
        now={NOW}
        onRemove={vi.fn()}
        onSaveDetails={vi.fn()}
        onSaveQuote={vi.fn()}
        onExportCsv={vi.fn()}
        onExportBackup={vi.fn()}
        onImportFile={vi.fn()}
        onDismissImport={vi.fn()}
      />,
    );
    expect(screen.getByRole('columnheader', { name: new RegExp(`^${words.header.replace('/', '\\/')}`) })).toBeTruthy();
    // 1 500 EUR ÷ 250 engagements, with the language's decimal comma, the label where moneyAmount puts it.
    expect(spaced(screen.getByRole('row', { name: /@maya/ }).textContent)).toContain(words.cost);
    expect(screen.getByRole('checkbox', { name: words.filter })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button').find((button) => button.getAttribute('aria-label')?.includes('@maya'))!);
    expect(screen.getByRole('heading', { name: words.heading })).toBeTruthy();
    // 8 000 → 8 800 followers in a day is a jump too.
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([words.look, words.jump]);
    view.unmount();
  });

  it('shows the shortlist in Spanish, with one profile in the singular', () => {
    useLocale('es');
    renderShortlist();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Seleccionar @maya' }));
    expect(screen.getByText(/2 perfiles · 1 seleccionado/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Quitar 1 seleccionado' }));
    expect(screen.getByRole('alertdialog', { name: '¿Quitar 1 perfil de tu preselección?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancelar' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /^Última visita/ })).toBeTruthy();
  });

  it('shows the settings in Spanish', () => {
    useLocale('es');
    render(<SettingsPanel settings={DEFAULT_SETTINGS} onChange={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Ajustes' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Esquema de niveles' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /^Definición original \(micro < 10K\)/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /^Incluir publicaciones fijadas/ })).toBeTruthy();
    expect(screen.getByLabelText('Publicaciones en la muestra')).toBeTruthy();
  });

  it('places German threshold messages by their field, with German numbers', () => {
    useLocale('de');
    render(<SettingsPanel settings={DEFAULT_SETTINGS} onChange={vi.fn()} />);
    fireEvent.click(screen.getByRole('radio', { name: /^Eigene Schwellenwerte/ }));
    const mid = screen.getByLabelText('Mid-Tier ab') as HTMLInputElement;
    fireEvent.change(mid, { target: { value: '500' } });
    // The message sits under its own field although its words are not English.
    expect(mid.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(mid.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Mid-Tier muss über Mikro beginnen (erhalten: 500 ≤ 1.000).',
    );
    expect((screen.getByLabelText('Mikro ab') as HTMLInputElement).getAttribute('aria-invalid')).toBeNull();
    const sample = screen.getByLabelText('Beiträge in der Stichprobe');
    fireEvent.change(sample, { target: { value: '500' } });
    expect(screen.getByText('Die Stichprobengröße muss eine ganze Zahl von Beiträgen zwischen 1 und 100 sein.')).toBeTruthy();
  });

  it('reads a threshold typed the German way, and refuses one that is not German (issue 18)', () => {
    useLocale('de');
    const onChange = vi.fn();
    render(<SettingsPanel settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: /^Eigene Schwellenwerte/ }));
    const mid = screen.getByLabelText('Mid-Tier ab') as HTMLInputElement;
    fireEvent.change(mid, { target: { value: '20.000' } });
    expect(mid.getAttribute('aria-invalid')).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith({ tierScheme: 'custom', customBounds: { nano: 0, micro: 1_000, mid: 20_000, macro: 100_000, mega: 1_000_000 } });
    fireEvent.change(mid, { target: { value: '20,000' } });
    expect(mid.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(mid.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Mid-Tier: „20,000“ ist nicht eindeutig (Dezimal- oder Tausendertrennzeichen?). Gib die Zahl als 10000 oder 10.000 ein.',
    );
    expect(screen.getByText(/Gib „10000“, „10\.000“, „10K“ oder „1,5 Mio\.“ ein\./)).toBeTruthy();
  });

  it('gives import refusals and file errors in German', () => {
    useLocale('de');
    const good = makeProfile({});
    const parsed = parseBackup({ profiles: [good, { ...good, handle: '' }, { ...good, url: 'javascript:alert(1)' }] });
    expect(parsed.rows).toHaveLength(1);
    render(
      <ImportReportView
        report={{ total: 3, added: 1, merged: 0, unchanged: 0, refused: parsed.refused }}
        fileName="backup.json"
        onDismiss={vi.fn()}
      />,
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.lastElementChild?.textContent)).toEqual(['Handle fehlt', 'url muss ein https-Link sein (erhalten: javascript)']);
    expect(say(parseBackup('{').error!)).toMatch(/^Diese Datei ist kein JSON \(/);
    expect(say(parseBackup({ version: 999, profiles: [] }).error!)).toMatch(/^Diese Sicherung stammt von einer neueren MicroScope-Version/);
  });
});
