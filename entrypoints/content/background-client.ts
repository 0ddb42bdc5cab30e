// The content script's side of the contract: it may only send what a content script may send
// (lib/message-schemas.ts CONTENT_REQUESTS); the background checks every request again.

import { browser } from 'wxt/browser';
import { makeClient, type ContentToBackgroundApi } from '../../lib/messages';

export const callBackground = makeClient<ContentToBackgroundApi>((msg) => browser.runtime.sendMessage(msg));
