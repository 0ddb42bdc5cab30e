import { browser } from 'wxt/browser';
import { PageBoot } from './boot';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT would also post a message to the page's window naming the extension when the script
  // starts; the page's own listeners would receive it, and it cost the page a structured clone.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (!document.body || document.contentType !== 'text/html') return;
    const boot = new PageBoot(ctx.signal);
    browser.runtime.onMessage.addListener((msg, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || !msg || typeof msg !== 'object') return undefined;
      const type = (msg as { type?: unknown }).type;
      if (typeof type !== 'string' || !boot.answers(type)) return undefined;
      void boot.answer(msg, sender).then(sendResponse);
      return true;
    });
    // In-page navigation loads again (other packs' scopes, other highlights); a jump to an anchor
    // on the same page (only the fragment changed) does not.
    const withoutFragment = (url: string) => url.split('#')[0];
    let loadedFor = withoutFragment(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (withoutFragment(location.href) === loadedFor) return;
      loadedFor = withoutFragment(location.href);
      void boot.load().catch(() => undefined);
    });
    void boot.load().catch((err: unknown) => console.debug('Gloss could not start on this page', err));
  },
});
