import preact from '@preact/preset-vite';
import { writeFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';

/**
 * The content script and the page core it loads, evaluated on news pages, use the browser's own
 * extension API (Firefox's `browser`, Chrome's `chrome`: both return promises for what they call)
 * instead of webextension-polyfill, whose evaluation cost each page about 19 ms in a CPU profile.
 * WXT's module aliases `wxt/browser` to the polyfill for every build; in these two builds this
 * points it back at WXT's native export. The background and the extension pages keep the polyfill.
 */
const ON_PAGES = new Set(['content', 'page-core'].map((name) => JSON.stringify(name)));

function nativeApiInContentScript(): Plugin {
  let content = false;
  return {
    name: 'gloss:native-api-in-content-script',
    enforce: 'pre',
    configResolved(config) {
      content = ON_PAGES.has(config.define?.['import.meta.env.ENTRYPOINT'] as string);
    },
    resolveId(source, importer) {
      if (!content || source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description: 'Explains unfamiliar terms on news pages with glossary popovers. Everything stays on your device.',
    // contextMenus: the toolbar button's "Open highlights side panel"; sidePanel: Chrome's panel.
    permissions: browser === 'firefox' ? ['contextMenus'] : ['contextMenus', 'sidePanel'],
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Open the next marked term' },
      'prev-term': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Open the previous marked term' },
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Highlight the selected text' },
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open the highlights side panel' },
    },
    // The page core and the popover's view load on demand (entrypoints/content/page-core-contract.ts,
    // popover-ui-contract.ts); the
    // reader's history and a highlight's card show in frames of our origin (docs/privacy.md). Chrome gives
    // both a per-session URL, so a page cannot probe for Gloss by fetching them.
    web_accessible_resources:
      browser === 'firefox'
        ? ['page-core.js', 'popover-ui.js', 'anchoring.js', 'met-elsewhere.html', 'highlight-card.html']
        : [{ resources: ['page-core.js', 'popover-ui.js', 'anchoring.js', 'met-elsewhere.html', 'highlight-card.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    // Firefox needs an id to keep the database across reinstalls; Chrome warns about the key.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'gloss@gloss.invalid', strict_min_version: '140.0' } } } : {}),
  }),
  hooks: {
    // The published JSON Schema is generated from the valibot definition the parser uses, so the
    // two cannot disagree (tests/unit/pack-schema.test.ts checks the committed file too).
    'build:before': async () => {
      const { packJsonSchemaText } = await import('./lib/pack/json-schema');
      writeFileSync('public/schema/gloss-pack-v1.schema.json', packJsonSchemaText());
    },
  },
  vite: () => ({ plugins: [preact(), nativeApiInContentScript()], build: process.env.GLOSS_PROFILE ? { minify: false } : {} }),
});
