// Scripts the content script loads only when a page needs them (the page core, the popover's
// view, the highlight anchoring), so every page pays only for the small boot. Each is web-accessible with a
// per-session URL and leaves its API on a global of the content script's isolated world, which
// the page's own scripts cannot see.

import { browser } from 'wxt/browser';

const loaded = new Map<string, Promise<unknown>>();

export function loadScript<T>(path: '/popover-ui.js' | '/anchoring.js' | '/page-core.js', global: string): Promise<T> {
  let p = loaded.get(path);
  if (!p) {
    p = import(/* @vite-ignore */ browser.runtime.getURL(path)).then(() => {
      const api = (globalThis as Record<string, unknown>)[global];
      if (!api) throw new Error(`Gloss: ${path} did not load`);
      return api;
    });
    // A failed load may be retried by the next caller.
    p.catch(() => loaded.delete(path));
    loaded.set(path, p);
  }
  return p as Promise<T>;
}
