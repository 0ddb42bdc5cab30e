// A peer for the benchmarks: an unpacked extension whose content script does nothing, so what
// merely having a content script on every page costs (the browser's share) is measured in the
// same run as Gloss.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function writeExtension(name: string, background: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gloss-${name}-ext-`));
  const manifest = { manifest_version: 3, name, version: '1.0', background: { service_worker: 'bg.js' }, content_scripts: [{ matches: ['<all_urls>'], run_at: 'document_idle', js: ['cs.js'] }] };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'bg.js'), background);
  writeFileSync(join(dir, 'cs.js'), content);
  return dir;
}

/** Writes the extension to a temporary folder and returns its path. */
export function emptyExtension(): string {
  return writeExtension('empty', '', '');
}

/** What the messenger's content script measured, as it leaves it on the page's root element. */
export interface MessengerFigures {
  /** From the content script's start to its worker's answer. */
  replyMs: number;
  /** Reading the text of every paragraph once, the cheapest read of the page there is. */
  readMs: number;
  chars: number;
}

export const MESSENGER_ATTRIBUTE = 'data-messenger';

/**
 * The floor under Gloss's figures: a content script that asks its worker one question, whose
 * worker answers at once, and that then reads every paragraph's text once (querySelectorAll and
 * textContent, no walking, no matching). Everything the browser charges for asking a worker and
 * for reading a page from a content script's world is in it; nothing of Gloss's.
 */
export function messengerExtension(): string {
  const background = `chrome.runtime.onMessage.addListener((m, s, reply) => { reply('pong'); });`;
  const content = `
const t0 = performance.now();
chrome.runtime.sendMessage('ping', () => {
  const replyMs = performance.now() - t0;
  setTimeout(() => {
    const t1 = performance.now();
    let chars = 0;
    for (const p of document.querySelectorAll('p')) chars += p.textContent.length;
    const readMs = performance.now() - t1;
    document.documentElement.setAttribute('${MESSENGER_ATTRIBUTE}', JSON.stringify({ replyMs, readMs, chars }));
  }, 50);
});`;
  return writeExtension('messenger', background, content);
}
