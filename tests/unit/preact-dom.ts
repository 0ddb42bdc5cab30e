// A linkedom document for the Preact component tests, and mounting into it: whatever a test
// mounts is unmounted after it, so no component keeps listening on the shared document.

import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll } from 'vitest';

export type TestWindow = ReturnType<typeof parseHTML>['window'];

/** Call at a test file's top level: it registers the hooks that set the document up and clean it. */
export function preactDom(): { readonly window: TestWindow; mount: (vnode: ComponentChild) => Promise<HTMLElement> } {
  let win: TestWindow | null = null;
  const mounted: HTMLElement[] = [];
  beforeAll(() => {
    win = parseHTML('<!doctype html><html><body></body></html>').window;
    Object.assign(globalThis, { document: win.document });
  });
  afterEach(async () => {
    for (const root of mounted.splice(0)) await act(() => render(null, root));
  });
  return {
    get window(): TestWindow {
      if (!win) throw new Error('preactDom: the document is set up in beforeAll');
      return win;
    },
    async mount(vnode: ComponentChild): Promise<HTMLElement> {
      const root = document.createElement('div');
      document.body.append(root);
      mounted.push(root);
      await act(() => render(vnode, root));
      return root;
    },
  };
}
