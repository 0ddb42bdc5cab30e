// The popover's history frame. It reads only its entry key from its own address and asks the
// background itself, so the reader's history never passes through the page or its DOM.

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { MetElsewhereView } from '../../components/MetElsewhereView';
import { en } from '../../lib/i18n';
import { makeClient, type BackgroundApi } from '../../lib/messages';
import './style.css';

const call = makeClient<BackgroundApi>((msg) => browser.runtime.sendMessage(msg));
const root = document.getElementById('app')!;
const key = new URLSearchParams(location.search).get('key');

render(<MetElsewhereView t={en} data={undefined} />, root);
void (key ? call('encounters:list', { key }) : Promise.resolve(null))
  .catch(() => null)
  .then((data) => render(<MetElsewhereView t={en} data={data} />, root));
