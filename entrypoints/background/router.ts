// The background's front door: every message is checked for who sent it and what it holds
// before a handler runs. A content script runs inside the news page's renderer, so it may only
// ask about its own tab and public pack data; the extension's own pages may ask everything.
// A refused or malformed request gets an error reply, never a crash.

import type { Runtime } from 'webextension-polyfill';
import { checkRequest, CONTENT_REQUESTS, PAGE_REQUESTS } from '../../lib/message-schemas';
import type { BackgroundApi, ContentToBackgroundApi, Handlers, Reply } from '../../lib/messages';

export type SenderKind = 'extension' | 'content';

/** Who sent a message, as far as the background trusts it. */
export interface Caller {
  kind: SenderKind;
  sender: Runtime.MessageSender;
}

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:']);

/**
 * Our own pages have our id and an extension URL (web-accessible frames may have a per-session
 * host, so the scheme is what counts: other extensions' messages never reach onMessage). A
 * content script has our id and a tab, with the page's URL.
 */
export function senderKind(sender: Runtime.MessageSender, extensionId: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  const url = sender.url && URL.canParse(sender.url) ? new URL(sender.url) : null;
  if (url && EXTENSION_SCHEMES.has(url.protocol)) return 'extension';
  if (sender.tab?.id !== undefined && url) return 'content';
  return null;
}

export type BackgroundHandlers = Handlers<BackgroundApi, Caller>;

/** Runs the handler for `msg` if its sender may send it and its body is well-formed. */
export async function route(handlers: BackgroundHandlers, msg: unknown, sender: Runtime.MessageSender, extensionId: string): Promise<Reply<unknown>> {
  const type = msg && typeof msg === 'object' ? (msg as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return { ok: false, error: 'Malformed message' };
  const kind = senderKind(sender, extensionId);
  const forContent = Object.hasOwn(CONTENT_REQUESTS, type);
  const forPages = Object.hasOwn(PAGE_REQUESTS, type);
  if (!forContent && !forPages) return { ok: false, error: `Unknown message ${type}` };
  if (kind === null || (forPages && kind !== 'extension')) return { ok: false, error: `${type} is not allowed from this sender` };
  const schema = forContent ? CONTENT_REQUESTS[type as keyof ContentToBackgroundApi] : PAGE_REQUESTS[type as keyof typeof PAGE_REQUESTS];
  const { type: _type, ...body } = msg as { type: string };
  const checked = checkRequest(schema, body);
  if (!checked.ok) return checked;
  try {
    const handler = handlers[type as keyof BackgroundApi] as (req: unknown, caller: Caller) => unknown;
    const value = await handler(checked.value, { kind, sender });
    return { ok: true, value: value ?? null };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Answers runtime messages with `handlers` (a promise answer through sendResponse, as every browser accepts). */
export function listen(runtime: Pick<Runtime.Static, 'onMessage' | 'id'>, handlers: BackgroundHandlers): void {
  runtime.onMessage.addListener(((msg: unknown, sender: Runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    void route(handlers, msg, sender, runtime.id).then(sendResponse);
    return true;
  }) as Parameters<Runtime.Static['onMessage']['addListener']>[0]);
}
