import { defineConfig } from 'wxt';

// Sites MicroScope reads. Nothing else is requested: no `tabs`, no `<all_urls>`.
export const SUPPORTED_SITES = [
  '*://*.instagram.com/*',
  '*://*.tiktok.com/*',
  '*://*.youtube.com/*',
  '*://*.x.com/*',
  '*://*.twitter.com/*',
  '*://bsky.app/*',
];

export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'MicroScope',
    description:
      'Is this a micro-influencer, and does their audience engage? Tier and engagement rate inline on the profile.',
    permissions: ['storage'],
    host_permissions: SUPPORTED_SITES,
  },
});
