/**
 * Reading the data a page embeds for its first render ("bootstrap" data: JSON script tags).
 * Defensive by design: pages embed megabytes of JSON in shapes that change without notice, so
 * nothing here throws, recursion is bounded, and only scripts that mention a marker are parsed.
 *
 * Bootstrap data describes the URL the document was *loaded* with. Callers must only use it while
 * `ReadOptions.trustBootstrap` is true (see types.ts).
 */

import { isRecord } from '../is-record';

/** Where pages keep JSON: `<script type="application/json">` (Instagram, Facebook's "sjs" blobs). */
export const JSON_SCRIPT_SELECTOR = 'script[type="application/json"]';

/** Hard limits so a hostile or huge blob cannot stall the content script. */
const MAX_SCRIPT_CHARS = 8_000_000;
const MAX_VISITS = 500_000;
const MAX_DEPTH = 64;

/**
 * Parsed JSON of every script matching `selector` whose text contains at least one of `markers`
 * (a cheap substring test before `JSON.parse`). Invalid JSON is skipped.
 */
export function jsonScriptsContaining(
  doc: Document,
  markers: readonly string[],
  selector: string = JSON_SCRIPT_SELECTOR,
): unknown[] {
  const out: unknown[] = [];
  let scripts: NodeListOf<Element>;
  try {
    scripts = doc.querySelectorAll(selector);
  } catch {
    return out;
  }
  for (const script of scripts) {
    try {
      const text = script.textContent ?? '';
      if (!text || text.length > MAX_SCRIPT_CHARS) continue;
      if (markers.length > 0 && !markers.some((marker) => text.includes(marker))) continue;
      out.push(JSON.parse(text) as unknown);
    } catch {
      // Not JSON (or not ours): skip.
    }
  }
  return out;
}

/**
 * Every value stored under `key` anywhere inside `root` (depth-first, document order), without
 * descending into the values found.
 */
export function findKeyDeep(root: unknown, key: string): unknown[] {
  const found: unknown[] = [];
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  let visits = 0;
  while (stack.length > 0 && visits++ < MAX_VISITS) {
    const { value, depth } = stack.pop()!;
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1 });
      continue;
    }
    const record = value as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(record, key)) {
      found.push(record[key]);
    }
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (k !== key) stack.push({ value: record[k], depth: depth + 1 });
    }
  }
  return found;
}

/** Follow a path of keys; undefined as soon as a step is missing or not an object. */
export function pick(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A non-negative integer count from JSON (number or numeric string), else undefined. */
export function jsonCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** A non-empty string from JSON, else undefined. */
export function jsonString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}
