import { profileKey } from '../platforms';
import {
  checkProfile,
  mergeProfile,
  sameData,
  SHORTLIST_VERSION,
  type SavedProfile,
} from './schema';
import type { MessageCode } from '../i18n';
import { messageCode } from '../message-code';
import { isRecord } from '../is-record';
import { MIGRATIONS } from './layout';

/*
 * JSON backups of the shortlist: what moves a shortlist between machines (storage.sync is too
 * small for it). One profile per line, so a backup is readable and diffs well.
 */

export const BACKUP_FORMAT = 'microscope-backup';
/** More rows than any real shortlist; a guard against importing the wrong huge file. */
const MAX_ROWS = 100_000;
/**
 * The largest file the dashboard reads as a backup (refused before reading). A backup row is
 * about 0.5 KB per profile of 20 snapshots, so this is 100 000 profiles with room to spare.
 */
export const MAX_IMPORT_BYTES = 64 * 1_000_000;

export interface RefusedRow {
  /** Position of the row in the file's profile list, from 0. */
  index: number;
  handle?: string;
  /** A code; the dashboard writes it. */
  reason: MessageCode;
}

export interface ParsedBackup {
  rows: SavedProfile[];
  refused: RefusedRow[];
  /** Set when the file as a whole is not a backup this version can read (then rows is empty); a code the dashboard writes. */
  error?: MessageCode;
}

/**
 * The whole shortlist as a backup file's text, with its schema version and export time.
 * @example exportBackup({ profiles }) // '{"format":"microscope-backup","version":2,"exportedAt":"…","count":1,"profiles":[\n{…}\n]}'
 */
export function exportBackup(state: { profiles: Record<string, SavedProfile> }, now: Date = new Date()): string {
  const rows = Object.keys(state.profiles)
    .sort()
    .map((key) => JSON.stringify(state.profiles[key]));
  const head = JSON.stringify({ format: BACKUP_FORMAT, version: SHORTLIST_VERSION, exportedAt: now.toISOString(), count: rows.length });
  return `${head.slice(0, -1)},"profiles":[${rows.length > 0 ? `\n${rows.join(',\n')}\n` : ''}]}\n`;
}

/** Rows of an older schema, migrated one by one (a row a migration can't handle stays as it was, to be refused). */
function migrateRows(rows: unknown[], version: number): unknown[] {
  let document: Record<string, unknown> = { version, profiles: Object.fromEntries(rows.map((row, index) => [String(index), row])) };
  for (let at = version; at < SHORTLIST_VERSION; at++) {
    const step = MIGRATIONS.find((migration) => migration.from === at);
    if (!step) throw new Error(`no migration from schema version ${at}`);
    document = step.migrate(document);
  }
  const migrated = document.profiles as Record<string, unknown>;
  return rows.map((_, index) => migrated[String(index)]);
}

/**
 * Reads a backup (the parsed JSON, or its text) and checks every row strictly. Accepts this
 * extension's backups of any schema version up to the current one, and the stored shortlist
 * document itself (`{version, profiles: {key: profile}}`).
 */
export function parseBackup(json: unknown): ParsedBackup {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { rows: [], refused: [], error: messageCode('backupNotJson', error instanceof Error ? error.message : String(error)) };
    }
  }
  const notBackup: MessageCode = messageCode('backupNotBackup');
  let list: unknown[];
  let version = SHORTLIST_VERSION;
  if (Array.isArray(value)) list = value;
  else if (isRecord(value)) {
    if (value.format !== undefined && value.format !== BACKUP_FORMAT) return { rows: [], refused: [], error: notBackup };
    if (Array.isArray(value.profiles)) list = value.profiles;
    else if (isRecord(value.profiles)) list = Object.values(value.profiles);
    else return { rows: [], refused: [], error: notBackup };
    if (value.version !== undefined) {
      if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) {
        return { rows: [], refused: [], error: messageCode('backupUnknownVersion', JSON.stringify(value.version)) };
      }
      if (value.version > SHORTLIST_VERSION) {
        return {
          rows: [],
          refused: [],
          error: messageCode('backupNewer', value.version, SHORTLIST_VERSION),
        };
      }
      version = value.version;
    }
  } else return { rows: [], refused: [], error: notBackup };
  if (list.length > MAX_ROWS) return { rows: [], refused: [], error: messageCode('backupTooMany', list.length, MAX_ROWS) };

  let migrated: unknown[];
  try {
    migrated = version < SHORTLIST_VERSION ? migrateRows(list, version) : list;
  } catch (error) {
    return { rows: [], refused: [], error: messageCode('backupUpgradeFailed', version, String(error)) };
  }
  const rows: SavedProfile[] = [];
  const refused: RefusedRow[] = [];
  migrated.forEach((row, index) => {
    const checked = checkProfile(row, 'import');
    if (checked.ok) rows.push(checked.profile);
    else {
      const original = list[index];
      const handle = isRecord(original) && typeof original.handle === 'string' ? original.handle.slice(0, 100) : undefined;
      refused.push(handle === undefined ? { index, reason: checked.reason } : { index, handle, reason: checked.reason });
    }
  });
  return { rows, refused };
}

export interface MergeResult {
  profiles: Record<string, SavedProfile>;
  /** Profiles that were not in the shortlist. */
  added: number;
  /** Profiles already there that gained something (snapshots, tags, a note, an earlier save date…). */
  merged: number;
  /** Profiles already there with nothing new. */
  unchanged: number;
}

/**
 * Union by profile key. A profile in both keeps every snapshot of both (by time, no duplicates),
 * the earliest savedAt, the latest lastSeen, all tags, and the existing note unless it is empty.
 * Nothing existing is ever dropped; profiles that gain nothing keep their identity.
 */
export function mergeProfilesDetailed(existing: Record<string, SavedProfile>, incoming: readonly SavedProfile[]): MergeResult {
  const profiles: Record<string, SavedProfile> = { ...existing };
  const added = new Set<string>();
  const merged = new Set<string>();
  const unchanged = new Set<string>();
  for (const row of incoming) {
    const key = profileKey(row.platform, row.handle);
    const known = profiles[key];
    if (!known) {
      profiles[key] = row;
      added.add(key);
      continue;
    }
    const next = mergeProfile(known, row);
    if (sameData(next, known)) {
      if (!added.has(key) && !merged.has(key)) unchanged.add(key);
      continue;
    }
    profiles[key] = next;
    if (!added.has(key)) {
      merged.add(key);
      unchanged.delete(key);
    }
  }
  return { profiles, added: added.size, merged: merged.size, unchanged: unchanged.size };
}

/** mergeProfilesDetailed's profiles. */
export function mergeProfiles(existing: Record<string, SavedProfile>, incoming: readonly SavedProfile[]): Record<string, SavedProfile> {
  return mergeProfilesDetailed(existing, incoming).profiles;
}
