import { describe, expect, it } from 'vitest';
import { say } from '@/components/words/message';
import type { MessageCode } from '@/lib/i18n';
import { parseBackup } from '@/lib/shortlist/backup';
import { makeProfile } from '../../lib/shortlist-fixtures';
import { useLocale } from '../../i18n-fake';

/*
 * lib/shortlist returns codes for refusals and failures (tests/lib/backup.test.ts, store.test.ts);
 * here, that the dashboard and popup write them as lib/ did before issue 14 (texts taken from that
 * version, in English and German).
 */

type Row = Record<string, unknown> & { history: Record<string, unknown>[] };
const mod = (change: (row: Row) => void): Row => {
  const row = JSON.parse(JSON.stringify(makeProfile({ handle: 'maya', tags: ['a'], note: 'n' }))) as Row;
  change(row);
  return row;
};

describe('a refused backup row, in words', () => {
  it.each<[string, () => unknown, string, string]>([
    ["not an object", () => 'garbage', "not an object", "kein Objekt"],
    ["handle missing", () => mod((p) => { delete p.handle; }), "handle is missing", "Handle fehlt"],
    ["bad handle characters", () => mod((p) => { p.handle = 'bad handle!'; }), "handle \"bad handle!\" has characters Instagram handles can't have", "Handle „bad handle!“ enthält Zeichen, die bei Instagram nicht erlaubt sind"],
    ["not a link", () => mod((p) => { p.url = 'notaurl'; }), "url is not a link (notaurl)", "url ist kein Link (notaurl)"],
    ["another host", () => mod((p) => { p.url = 'https://evil.com/maya'; }), "url must be a link on instagram.com for a Instagram profile (got evil.com)", "url muss für ein Instagram-Profil ein Link auf instagram.com sein (erhalten: evil.com)"],
    ["another profile", () => mod((p) => { p.url = 'https://www.instagram.com/other/'; }), "url is not the Instagram profile @maya (https://www.instagram.com/other/)", "url ist nicht das Instagram-Profil @maya (https://www.instagram.com/other/)"],
    ["too many tags", () => mod((p) => { p.tags = Array.from({ length: 500 }, (_, i) => `t${i}`); }), "at most 50 tags", "höchstens 50 Tags"],
    ["impossible date", () => mod((p) => { p.savedAt = '2025-13-45T10:00:00Z'; }), "savedAt is not a real date (2025-13-45T10:00:00Z)", "savedAt ist kein gültiges Datum (2025-13-45T10:00:00Z)"],
    ["negative count", () => mod((p) => { p.history[0]!.followers = { value: -1, exact: true, min: -1, max: -1 }; }), "history[0].followers.value must be a whole number of 0 or more (got -1)", "history[0].followers.value muss eine ganze Zahl ab 0 sein (erhalten: -1)"],
    ["unknown tier", () => mod((p) => { p.history[0]!.tier = 'giant'; }), "history[0].tier must be one of emerging, nano, micro, mid, macro, mega", "history[0].tier muss einer dieser Werte sein: emerging, nano, micro, mid, macro, mega"],
    ["sample too large", () => mod((p) => { p.history[0]!.sampleSize = 5000; }), "history[0].sampleSize must be at most 1000", "history[0].sampleSize darf höchstens 1000 sein"],
    ["quote amount", () => mod((p) => { p.quote = { amount: -1, currency: 'EUR' }; }), "quote.amount must be at most 1000000000", "quote.amount darf höchstens 1000000000 sein"],
  ])('%s', (_title, row, english, german) => {
    const words = () => {
      const [refused] = parseBackup([row()]).refused;
      return refused && say(refused.reason);
    };
    expect(words()).toBe(english);
    useLocale('de');
    expect(words()).toBe(german);
  });
});

describe('a backup refused as a whole, in words', () => {
  it.each<[string, unknown, string, string]>([
    ["a newer version", { version: 99, profiles: [] }, "This backup was made by a newer MicroScope (schema version 99; this one reads up to 4). Update MicroScope, then import it.", "Diese Sicherung stammt von einer neueren MicroScope-Version (Schemaversion 99; diese liest bis 4). Aktualisiere MicroScope und importiere sie dann."],
    ["an unknown version", { version: 'x', profiles: [] }, "This backup has an unknown schema version (\"x\").", "Diese Sicherung hat eine unbekannte Schemaversion (\"x\")."],
    ["no list of profiles", { profiles: 5 }, "This file is not a MicroScope backup: it has no list of profiles.", "Diese Datei ist keine MicroScope-Sicherung: Sie enthält keine Profilliste."],
  ])('%s', (_title, file, english, german) => {
    const words = () => {
      const { error } = parseBackup(file);
      return error && say(error);
    };
    expect(words()).toBe(english);
    useLocale('de');
    expect(words()).toBe(german);
  });
});

describe('import and write failures, in words', () => {
  it.each<[string, MessageCode, string, string]>([
    [
      'no room',
      { key: 'importNoRoom', args: [{ number: 21_345_678, as: 'bytes' }, { number: 10_400_000, as: 'bytes' }] },
      'The new profiles need 21.3 MB of browser storage and 10.4 MB is free. Nothing was imported: remove profiles or import a smaller backup.',
      'Die neuen Profile brauchen 21,3 MB Browser-Speicher, frei sind 10,4 MB. Es wurde nichts importiert: Entferne Profile oder importiere eine kleinere Sicherung.',
    ],
    [
      'stopped by the quota',
      { key: 'importStopped', args: [8_123, 12_000, 'QUOTA_BYTES quota exceeded'] },
      'Stored 8123 of 12000 profiles, then storage refused the rest (QUOTA_BYTES quota exceeded). The profiles stored are kept.',
      '8123 von 12000 Profilen gespeichert, dann hat der Speicher den Rest abgelehnt (QUOTA_BYTES quota exceeded). Die gespeicherten Profile bleiben erhalten.',
    ],
    [
      'stopped, no room as its reason',
      { key: 'importStopped', args: [0, 10, { key: 'importNoRoom', args: [{ number: 2_000_000, as: 'bytes' }, { number: 0, as: 'bytes' }] }] },
      'Stored 0 of 10 profiles, then storage refused the rest (The new profiles need 2.0 MB of browser storage and 0.0 MB is free. Nothing was imported: remove profiles or import a smaller backup.). The profiles stored are kept.',
      '0 von 10 Profilen gespeichert, dann hat der Speicher den Rest abgelehnt (Die neuen Profile brauchen 2,0 MB Browser-Speicher, frei sind 0,0 MB. Es wurde nichts importiert: Entferne Profile oder importiere eine kleinere Sicherung.). Die gespeicherten Profile bleiben erhalten.',
    ],
    [
      'a write that failed',
      { key: 'shortlistWriteError', args: ['IO error: disk full'] },
      "Couldn't save the shortlist: IO error: disk full",
      'Die Shortlist konnte nicht gespeichert werden: IO error: disk full',
    ],
    [
      'a file too large',
      { key: 'importTooLarge', args: [{ number: 70_000_000, as: 'bytes' }, { number: 64_000_000, as: 'bytes' }] },
      'This file is 70.0 MB; MicroScope reads backups of at most 64.0 MB. Nothing was imported.',
      'Diese Datei ist 70,0 MB groß; MicroScope liest Sicherungen bis 64,0 MB. Es wurde nichts importiert.',
    ],
  ])('%s', (_title, code, english, german) => {
    expect(say(code)).toBe(english);
    useLocale('de');
    expect(say(code)).toBe(german);
  });
});
