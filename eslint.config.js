// Lint enforces the boundaries in DESIGN.md: the content script never touches the database,
// lib/ stays free of browser globals, components/ never reach storage or extension APIs.

import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'chrome', 'browser', 'indexedDB', 'localStorage', 'sessionStorage', 'CSS', 'Range', 'Node', 'Element', 'HTMLElement', 'MutationObserver', 'requestAnimationFrame', 'fetch'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'artifacts/**', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, defineBackground: 'readonly', defineContentScript: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['entrypoints/content/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['dexie', '**/storage/*', '**/storage'], message: 'The content script runs in the page origin: ask the background through lib/messages instead.' }] }],
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS.map((name) => ({ name, message: 'lib/ is pure TypeScript: no browser globals.' }))],
      'no-restricted-imports': ['error', { patterns: [{ group: ['wxt', 'wxt/*', 'webextension-polyfill', 'dexie', 'preact', 'preact/*', '**/storage/*', '**/entrypoints/*', '**/components/*'], message: 'lib/ depends on nothing but itself.' }] }],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'browser', message: 'Components take props; pages do the I/O.' }, { name: 'chrome', message: 'Components take props; pages do the I/O.' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['dexie', '**/storage/*', 'wxt/browser', 'webextension-polyfill'], message: 'Components never touch storage or extension APIs.' }] }],
    },
  },
);
