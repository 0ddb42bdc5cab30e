// Starts Debian's Chromium with the built extension loaded. Plain JavaScript so that both the
// e2e tests and the demo (run by bare Node) share one launcher.

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUILD = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @param {{ headless?: boolean, extension?: string }} [options] `extension`: another unpacked extension than the build */
export async function launchWithExtension(options = {}) {
  const ext = options.extension ?? BUILD;
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`No build at ${ext}: run npm run build`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  const headless = options.headless ?? true;
  const userDataDir = mkdtempSync(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    // Extensions need the new headless mode, which Playwright only passes through args.
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, worker, extensionId, close };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png' };

/**
 * Serves folders (`{ '/demo/': dir }`) and in-memory files (`{ '/x.json': text }`) on 127.0.0.1.
 * @param {Record<string, string>} mounts
 * @param {Record<string, string>} [extra]
 */
export async function serve(mounts, extra = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path in extra) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain' });
      res.end(extra[path]);
      return;
    }
    const mount = Object.keys(mounts).find((m) => path.startsWith(m));
    const file = mount ? normalize(join(mounts[mount], path.slice(mount.length))) : '';
    if (!mount || !file.startsWith(mounts[mount]) || !existsSync(file) || !statSync(file).isFile()) {
      // 204 for the favicon keeps the console free of 404 noise.
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no server address');
  return { url: `http://127.0.0.1:${addr.port}`, server };
}

/**
 * In-page function (pass to page.evaluate in Playwright or Puppeteer): scrolls the nth text-node
 * occurrence of `needle` into view and returns its centre in viewport coordinates, or null.
 * @param {{ needle: string, nth?: number }} arg
 */
export function textPoint({ needle, nth = 0 }) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const i = node.data.indexOf(needle);
    if (i < 0 || seen++ < nth) continue;
    node.parentElement.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + needle.length);
    const rect = range.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/**
 * Sends `msg` to the content script of the active tab, as the background or the popup would, and
 * returns the reply's value. Bring the page to the front first.
 * @param {import('playwright-core').Worker} worker
 * @param {{ type: string }} msg
 */
export async function sendToActiveTab(worker, msg) {
  // Runs in the extension's service worker, where `chrome` is the extension API.
  return worker.evaluate(async (m) => {
    /* global chrome */
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const reply = await chrome.tabs.sendMessage(tab.id, m);
    return reply?.value;
  }, msg);
}

/**
 * Reads Gloss's UI in a page, as a reader's assistive tools would see it. The UI's shadow root is
 * closed, which page scripts and Playwright's locators cannot enter; the DevTools protocol can,
 * so tests resolve the root through CDP and run small read-only functions against it. Clicks go
 * through the real mouse at the element's centre.
 * @param {import('playwright-core').Page} page
 */
export function glossUi(page) {
  /** @type {import('playwright-core').CDPSession | undefined} */
  let cdp;
  const session = async () => (cdp ??= await page.context().newCDPSession(page));
  const shadowRoot = async () => {
    const s = await session();
    const { root } = await s.send('DOM.getDocument', { depth: 1 });
    const { nodeId } = await s.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'gloss-root' });
    if (!nodeId) return null;
    const { node } = await s.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await s.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    return object.objectId ?? null;
  };
  /** Runs `fn(shadowRoot, arg)` in the page; null when no Gloss UI is open. */
  const run = async (fn, arg) => {
    const objectId = await shadowRoot().catch(() => null);
    if (!objectId) return null;
    const s = await session();
    const r = await s.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value ?? null;
  };
  const box = (selector, name) =>
    run(
      (root, { selector, name }) => {
        const el = [...root.querySelectorAll(selector)].find((e) => name === undefined || e.textContent.trim() === name || e.getAttribute('aria-label') === name);
        if (!el) return null;
        el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      },
      { selector, name },
    );
  return {
    /** Text of the first element matching `selector`, or null. */
    text: (selector) => run((root, sel) => root.querySelector(sel)?.textContent ?? null, selector),
    texts: async (selector) => (await run((root, sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent), selector)) ?? [],
    count: async (selector) => (await run((root, sel) => root.querySelectorAll(sel).length, selector)) ?? 0,
    /** Viewport box of the first element matching `selector` (and, if given, with that text or label). */
    box,
    /** Clicks the element with the real mouse. */
    click: async (selector, name) => {
      const b = await box(selector, name);
      if (!b) throw new Error(`No ${selector}${name ? ` named ${name}` : ''} in Gloss's UI`);
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    },
    /** The extension-origin frame that shows where else the reader met the open term. */
    historyFrame: () => page.frames().find((f) => f.url().includes('/met-elsewhere.html')) ?? null,
  };
}

/**
 * In-page function: the viewport points just inside the first and last characters of the nth
 * occurrence of `needle` within one text node (scrolled into view), for dragging a selection.
 * @param {{ needle: string, nth?: number }} arg
 */
export function textEdges({ needle, nth = 0 }) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const i = node.data.indexOf(needle);
    if (i < 0 || seen++ < nth) continue;
    node.parentElement.scrollIntoView({ block: 'center' });
    const at = (k) => {
      const r = document.createRange();
      r.setStart(node, k);
      r.setEnd(node, k + 1);
      return r.getClientRects()[0];
    };
    const first = at(i);
    const last = at(i + needle.length - 1);
    return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
  }
  return null;
}
