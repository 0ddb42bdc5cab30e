import { browser } from 'wxt/browser';
import { dispatch } from '../../lib/messages';
import { GlossPage } from './gloss-page';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    if (!document.body || document.contentType !== 'text/html') return;
    const page = new GlossPage(ctx.signal);
    const handlers = page.handlers();
    browser.runtime.onMessage.addListener((msg, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || !msg || typeof msg !== 'object' || !Object.hasOwn(handlers, (msg as { type?: string }).type ?? '')) return undefined;
      void dispatch(handlers, msg, sender).then(sendResponse);
      return true;
    });
    // In-page navigation loads again (other packs' scopes, other highlights); a jump to an anchor
    // on the same page (only the fragment changed) does not.
    const withoutFragment = (url: string) => url.split('#')[0];
    let loadedFor = withoutFragment(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (withoutFragment(location.href) === loadedFor) return;
      loadedFor = withoutFragment(location.href);
      void page.load().catch(() => undefined);
    });
    void page.load().catch((err: unknown) => console.debug('Gloss could not start on this page', err));
  },
});
