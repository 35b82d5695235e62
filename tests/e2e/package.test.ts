import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_MATCHES } from '@/lib/platforms';
import { CONTENT_SCRIPT_MUST_NOT, EXPECTED_SITE_MATCHES as SITES, MAIN_PART_FILE, MINIMUM_CHROME_VERSION, EXPECTED_CONTENT_SCRIPTS, PAGE_WORLD_FILE } from './manifest-expected';
import { ROOT } from './pages';

/*
 * The final manifests as the stores receive them: exactly `storage` and the six sites, nothing
 * else. Both builds come from the e2e global setup; zip.test.ts checks the store archives.
 */
const CHROME = join(ROOT, '.output/chrome-mv3');
const FIREFOX = join(ROOT, '.output/firefox-mv2');

const manifestOf = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** Warnings that come from the UI runtimes' own code, never ours: each is listed in the README. */
const ALLOWED_LINTER_WARNINGS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's and React DOM's support for dangerouslySetInnerHTML, which MicroScope never uses.
    source: /dangerouslySetInnerHTML|__html/,
  },
];

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

describe('store packages', () => {
  it('lib/platforms.ts asks for exactly the written-out sites: https, no wildcard', () => {
    expect([...SITE_MATCHES]).toEqual(SITES);
    for (const pattern of SITES) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  it('Chrome: storage (unlimited), scripting and the supported sites only, no remote code', () => {
    const manifest = manifestOf(CHROME);
    expect(manifest.manifest_version).toBe(3);
    // The name is the en locale's extName (public/_locales).
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.default_locale).toBe('en');
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    // scripting: the background injects the content script into profiles (lib/injector.ts).
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'scripting']);
    expect(manifest.host_permissions).toEqual(SITES);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.minimum_chrome_version).toBe(MINIMUM_CHROME_VERSION);
    // No file a page could load or probe for, and on pages that are not profiles no content script
    // but Instagram's posts observer (in the page's world, Instagram only): the background injects
    // MAIN_PART_FILE into profiles only.
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_scripts).toEqual(EXPECTED_CONTENT_SCRIPTS);
    expect(existsSync(join(CHROME, MAIN_PART_FILE)), 'the injected content script is built').toBe(true);
    expect(manifest.content_security_policy, 'the default CSP: no remote or eval code').toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|http:\/\/\*\/|https:\/\/\*\//);
  });

  it.each([
    ['chrome-mv3', MAIN_PART_FILE],
    ['firefox-mv2', MAIN_PART_FILE],
    ['chrome-mv3', PAGE_WORLD_FILE],
    ['firefox-mv2', PAGE_WORLD_FILE],
  ])('%s/%s: nothing the page could hear, read or forge (issue 14)', (build, file) => {
    const code = readFileSync(join(ROOT, '.output', build, file), 'utf8');
    for (const pattern of CONTENT_SCRIPT_MUST_NOT) expect(code, `${file} matches ${pattern}`).not.toMatch(pattern);
    if (file === MAIN_PART_FILE) expect(code, 'the badge in a closed shadow root').toMatch(/attachShadow\(\{mode:"closed"\}\)/);
    if (file === PAGE_WORLD_FILE) {
      // In the page's world: no name of ours, no global (WXT's `var instagramPosts=` in a scope of its own).
      expect(code).not.toMatch(/microscope/i);
      expect(code.startsWith('(()=>{'), 'wrapped in a function scope (wxt.config.ts)').toBe(true);
    }
  });

  it('Firefox: the same permissions, a fixed id and no data collection', () => {
    const manifest = manifestOf(FIREFOX);
    expect(manifest.manifest_version).toBe(2);
    // MV2 lists host permissions among the permissions.
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'scripting', ...SITES]);
    expect(manifest.browser_specific_settings).toEqual({
      gecko: { id: 'microscope@microscope-extension.app', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(manifest.minimum_chrome_version).toBeUndefined();
    expect(manifest.content_scripts).toEqual(EXPECTED_CONTENT_SCRIPTS);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(existsSync(join(FIREFOX, MAIN_PART_FILE)), 'the injected content script is built').toBe(true);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"/);
  });

  it('Firefox MV3 builds too, with the same permissions and id, and only the Instagram observer in the manifest', () => {
    // `npm run build:firefox-mv3`; its own output folder, so the MV2 build the other tests load stays.
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
    const manifest = manifestOf(join(ROOT, '.output/firefox-mv3'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'scripting']);
    expect(manifest.host_permissions).toEqual(SITES);
    expect(manifest.browser_specific_settings).toMatchObject({
      gecko: { id: expect.stringMatching(/@/), strict_min_version: expect.any(String), data_collection_permissions: { required: ['none'] } },
    });
    expect(manifest.content_scripts).toEqual(EXPECTED_CONTENT_SCRIPTS);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"/);
  });

  it("passes Mozilla's addons-linter with 0 errors and only the listed warnings", async () => {
    const linter = createRequire(import.meta.url)('addons-linter') as {
      createInstance(options: unknown): { run(): Promise<{ errors: LinterMessage[]; warnings: LinterMessage[] }> };
    };
    const result = await linter
      .createInstance({
        config: {
          _: [FIREFOX],
          logLevel: 'fatal',
          stack: false,
          pretty: false,
          warningsAsErrors: false,
          metadata: false,
          output: 'none',
          boring: false,
          selfHosted: false,
        },
        runAsBinary: false,
      })
      .run();
    expect(result.errors).toEqual([]);
    const unexpected = result.warnings.filter((warning) => {
      const allowed = ALLOWED_LINTER_WARNINGS.find((entry) => entry.code === warning.code);
      if (!allowed || !warning.file) return true;
      const source = readFileSync(join(FIREFOX, warning.file), 'utf8').split('\n')[(warning.line ?? 1) - 1] ?? '';
      const column = warning.column ?? 0;
      return !allowed.source.test(source.slice(Math.max(0, column - 400), column + 100));
    });
    expect(unexpected.map(({ code, file, message }) => `${code} ${file}: ${message}`)).toEqual([]);
  });
});
