import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description: 'Explains unfamiliar terms on news pages with glossary popovers. Everything stays on your device.',
    permissions: [],
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Open the next marked term' },
      'prev-term': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Open the previous marked term' },
    },
    // The popover's view loads on demand (see entrypoints/content/popover-ui-contract.ts); the
    // reader's history shows in a frame of our origin inside it (docs/privacy.md). Chrome gives
    // both a per-session URL, so a page cannot probe for Gloss by fetching them.
    web_accessible_resources:
      browser === 'firefox'
        ? ['popover-ui.js', 'met-elsewhere.html']
        : [{ resources: ['popover-ui.js', 'met-elsewhere.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    // Firefox needs an id to keep the database across reinstalls; Chrome warns about the key.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'gloss@gloss.invalid', strict_min_version: '140.0' } } } : {}),
  }),
  vite: () => ({ plugins: [preact()], build: process.env.GLOSS_PROFILE ? { minify: false } : {} }),
});
