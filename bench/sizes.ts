import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  name: string;
  /** Files that make it up (the HTML page's scripts, styles and every chunk they import). */
  files: string[];
  raw: number;
  /** Sum of each file gzipped at level 9. */
  gzip: number;
}

const ASSET = /<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.(?:js|css))"/g;
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+\.js)["']/g;

function resolveFrom(root: string, file: string, spec: string): string {
  return spec.startsWith('/') ? join(root, spec) : join(dirname(file), spec);
}

/** An entry file and everything it loads, transitively. */
function closure(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) visit(resolveFrom(root, file, match[1]!));
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

function measure(name: string, root: string, files: string[]): BundleSize {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { name, files: files.map((file) => relative(root, file)), raw, gzip };
}

/** Content script, popup and dashboard of a built extension; undefined for what is not built. */
export function bundleSizes(root: string): Record<'content' | 'popup' | 'dashboard', BundleSize | undefined> {
  const page = (name: string): BundleSize | undefined => {
    const html = join(root, `${name}.html`);
    if (!existsSync(html)) return undefined;
    const entries = [...readFileSync(html, 'utf8').matchAll(ASSET)].map((match) => resolveFrom(root, html, match[1]!));
    return measure(name, root, closure(root, entries));
  };
  // The content script the background injects into profiles (and, in builds before issue 14's
  // background injection, the loader every page ran).
  const content = ['content-loader.js', 'content-main.js'].map((file) => join(root, file)).filter(existsSync);
  return {
    content: content.length > 0 ? measure('content', root, closure(root, content)) : undefined,
    popup: page('popup'),
    dashboard: page('dashboard'),
  };
}
