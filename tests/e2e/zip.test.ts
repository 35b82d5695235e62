/**
 * The store archives: what `npm run zip` (Chrome Web Store) and `npm run zip:firefox` (Firefox
 * Add-ons: the extension and its sources archive) produce, checked as a store reviewer gets them.
 * Then the Firefox sources archive is unpacked into an empty folder, installed with `npm ci` and
 * built with `npm run build:firefox`, as Mozilla's reviewers do, and must give the same files,
 * byte for byte, as the archive uploaded beside it.
 *
 * The archives are made by WXT's zip() — the function `wxt zip` runs — with only `outDir` moved to
 * a temporary folder, so the build it makes does not replace the `.output/` other tests load.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
// WXT's own zip library (a dependency of wxt).
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_SITE_MATCHES as SITES, MAIN_PART_FILE, MINIMUM_CHROME_VERSION, EXPECTED_CONTENT_SCRIPTS } from './manifest-expected';
import { ROOT } from './pages';

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** Sources a reviewer needs, and what may sit beside them at the top of the sources archive. */
const SOURCE_FOLDERS = ['components', 'entrypoints', 'lib', 'public'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md'];
const ALSO_ALLOWED = ['PRIVACY.md', 'LICENSE', 'eslint.config.js'];

/** Never in any archive: dependencies, build and test output, tests and their third-party fixtures, secrets. */
const NEVER = /(^|\/)(node_modules|\.output|\.wxt|\.git|tests|bench|test-results|fixtures)\/|\.map$|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)\.env|\.(pem|key)$/;

/** Without NODE_ENV and Vitest's variables: a reviewer's shell, not the test runner's. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name.startsWith('VITEST') || name === 'TEST') delete env[name];
  return env;
}

/** Runs WXT's zip() for one browser into `outDir`. */
function zipInto(outDir: string, browser: 'chrome' | 'firefox'): void {
  const script = `import { zip } from 'wxt'; await zip({ browser: ${JSON.stringify(browser)}, outDir: ${JSON.stringify(outDir)} });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore', env: cleanEnv() });
}

/** Every file under `dir` (relative, with /), folders left out. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

interface Archive {
  files: Map<string, Buffer>;
}

async function readArchive(path: string): Promise<Archive> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    files.set(entry.name, await entry.async('nodebuffer'));
  }
  return { files };
}

const names = (archive: Archive): string[] => [...archive.files.keys()].sort();
const manifestIn = (archive: Archive): Record<string, unknown> => JSON.parse(archive.files.get('manifest.json')?.toString('utf8') ?? '{}');

/** Files the manifest points at: each must be in the archive, or the store rejects it (or the browser fails to load it). */
function referencedFiles(manifest: Record<string, unknown>): string[] {
  const m = manifest as {
    background?: { service_worker?: string; scripts?: string[]; page?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
    action?: { default_popup?: string; default_icon?: Record<string, string> };
    browser_action?: { default_popup?: string; default_icon?: Record<string, string> };
    options_ui?: { page?: string };
    icons?: Record<string, string>;
    default_locale?: string;
    web_accessible_resources?: (string | { resources: string[] })[];
  };
  return [
    m.background?.service_worker,
    m.background?.page,
    ...(m.background?.scripts ?? []),
    ...(m.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    m.action?.default_popup,
    ...Object.values(m.action?.default_icon ?? {}),
    m.browser_action?.default_popup,
    ...Object.values(m.browser_action?.default_icon ?? {}),
    m.options_ui?.page,
    ...Object.values(m.icons ?? {}),
    m.default_locale && `_locales/${m.default_locale}/messages.json`,
    ...(m.web_accessible_resources ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.resources)),
  ]
    .filter((path): path is string => Boolean(path))
    .map((path) => path.replace(/^\//, ''));
}

/** The checks both extension archives share. */
function expectStoreReady(archive: Archive, builtDir: string): void {
  const listed = names(archive);
  expect(listed, 'nothing of the repository but the build').toEqual(listed.filter((name) => !NEVER.test(name)));
  const missing = referencedFiles(manifestIn(archive)).filter((path) => !archive.files.has(path));
  expect(missing, 'files the manifest names').toEqual([]);
  // Exactly what `npm run build` / `build:firefox` made for the other tests (the e2e global setup),
  // byte for byte: the archive ships the build that was tested.
  expect(listed).toEqual(filesUnder(builtDir));
  const different = listed.filter((name) => !archive.files.get(name)!.equals(readFileSync(join(builtDir, name))));
  expect(different, 'files that differ from the tested build').toEqual([]);
}

let out: string;
let work: string;
let chrome: Archive;
let firefox: Archive;
let sources: Archive;
const archivePath = (suffix: string): string => join(out, `${PACKAGE.name}-${PACKAGE.version}-${suffix}.zip`);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'microscope-zip-'));
  work = mkdtempSync(join(tmpdir(), 'microscope-sources-'));
  zipInto(out, 'chrome');
  zipInto(out, 'firefox');
  expect(readdirSync(out).filter((name) => name.endsWith('.zip')).sort()).toEqual(
    [`${PACKAGE.name}-${PACKAGE.version}-chrome.zip`, `${PACKAGE.name}-${PACKAGE.version}-firefox.zip`, `${PACKAGE.name}-${PACKAGE.version}-sources.zip`],
  );
  chrome = await readArchive(archivePath('chrome'));
  firefox = await readArchive(archivePath('firefox'));
  sources = await readArchive(archivePath('sources'));
}, 240_000);

afterAll(() => {
  for (const dir of [out, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run zip (Chrome Web Store)', () => {
  it('holds the MV3 build with exactly `storage`, `scripting` and the six sites', () => {
    const manifest = manifestIn(chrome);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(PACKAGE.version);
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'scripting']);
    expect(manifest.host_permissions).toEqual(SITES);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
    expect(manifest.minimum_chrome_version).toBe(MINIMUM_CHROME_VERSION);
    expect(manifest.content_scripts).toEqual(EXPECTED_CONTENT_SCRIPTS);
    expect(manifest.web_accessible_resources).toBeUndefined();
    // Named by no manifest field: the background injects it (lib/injector.ts).
    expect(chrome.files.has(MAIN_PART_FILE)).toBe(true);
    expectStoreReady(chrome, join(ROOT, '.output/chrome-mv3'));
  });
});

describe('npm run zip:firefox (Firefox Add-ons)', () => {
  it('holds the MV2 build with exactly `storage`, `scripting` and the six sites, and the fixed gecko id', () => {
    const manifest = manifestIn(firefox);
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.version).toBe(PACKAGE.version);
    // MV2 lists host permissions among the permissions.
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'scripting', ...SITES]);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_scripts).toEqual(EXPECTED_CONTENT_SCRIPTS);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(firefox.files.has(MAIN_PART_FILE)).toBe(true);
    expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: 'microscope@microscope-extension.app' } });
    expectStoreReady(firefox, join(ROOT, '.output/firefox-mv2'));
  });

  it('has a sources archive with what a reviewer needs to rebuild it, and nothing else', () => {
    const listed = names(sources);
    const top = [...new Set(listed.map((name) => name.split('/')[0]!))].sort();
    expect(top.filter((name) => !SOURCE_FOLDERS.includes(name) && !SOURCE_FILES.includes(name) && !ALSO_ALLOWED.includes(name)),
      'unexpected at the top of the sources archive: leave it out (zip.excludeSources in wxt.config.ts) or allow it here').toEqual([]);
    expect(listed.filter((name) => NEVER.test(name))).toEqual([]);
    for (const file of SOURCE_FILES) {
      expect(sources.files.get(file)?.equals(readFileSync(join(ROOT, file))), `${file}, as in the repository`).toBe(true);
    }
    for (const folder of SOURCE_FOLDERS) {
      const expected = filesUnder(join(ROOT, folder)).filter((path) => !/\.(test|spec)\./.test(path)).map((path) => `${folder}/${path}`);
      expect(expected.length).toBeGreaterThan(0);
      expect(listed.filter((name) => name.startsWith(`${folder}/`)), `every file of ${folder}/`).toEqual(expected);
    }
    const huge = listed.filter((name) => sources.files.get(name)!.length > 1_000_000);
    expect(huge, 'no file over 1 MB').toEqual([]);
    // The README tells reviewers how to build (the Publishing section).
    const readme = sources.files.get('README.md')!.toString('utf8');
    expect(readme).toMatch(/npm ci/);
    expect(readme).toMatch(/npm run build:firefox/);
  });

  it('builds from itself: npm ci && npm run build:firefox in the unpacked sources gives the uploaded extension, byte for byte', { timeout: 300_000 }, () => {
    for (const [name, content] of sources.files) {
      const target = join(work, name);
      expect(relative(work, target).startsWith('..'), `${name} stays inside the folder`).toBe(false);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    const env = cleanEnv();
    // --prefer-offline: the packages `npm ci` of the repository just put into npm's cache.
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: work, stdio: 'ignore', env });
    execFileSync('npm', ['run', 'build:firefox'], { cwd: work, stdio: 'ignore', env });
    const rebuilt = join(work, '.output/firefox-mv2');
    expect(filesUnder(rebuilt)).toEqual(names(firefox));
    const different = names(firefox).filter((name) => !firefox.files.get(name)!.equals(readFileSync(join(rebuilt, name))));
    expect(different, 'files that differ from the uploaded extension').toEqual([]);
  });
});
