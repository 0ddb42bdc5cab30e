// `npm run demo`: opens the demo article in Chromium with Gloss loaded. With a display it stays
// open for you to explore; without one it hovers "titushki" and writes a screenshot.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { glossUi, launchWithExtension, ROOT, serve, textPoint } from './launch.mjs';

const SHOT = join(ROOT, 'artifacts/demo-popover.png');
const headless = !process.env.DISPLAY || process.env.GLOSS_HEADLESS === '1';

const { url, server } = await serve({ '/demo/': join(ROOT, 'demo') });
const browser = await launchWithExtension({ headless });
const page = await browser.context.newPage();
await page.goto(`${url}/demo/kazakhstan-january-2022.html`);
await page.waitForFunction(() => (CSS.highlights.get('gloss-underline')?.size ?? 0) > 0, null, { timeout: 15_000 });

if (!headless) {
  console.log(`Gloss is running on ${page.url()} — close the browser window to finish.`);
  await new Promise((resolve) => browser.context.on('close', resolve));
  server.close();
  process.exit(0);
}

const target = await page.evaluate(textPoint, { needle: 'titushki' });
if (!target) throw new Error('The demo page has no "titushki"');
await page.mouse.move(target.x - 30, target.y - 30);
await page.mouse.move(target.x, target.y, { steps: 5 });
const ui = glossUi(page);
for (let waited = 0; !(await ui.text('.card .short')); waited += 100) {
  if (waited > 5000) throw new Error('The popover did not open');
  await page.waitForTimeout(100);
}
// Let the history frame (extension origin) draw before the screenshot.
await page.waitForTimeout(400);
mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
await page.screenshot({ path: SHOT });
const painted = await page.evaluate(() => CSS.highlights.get('gloss-underline')?.size ?? 0);
console.log(`Gloss painted ${painted} terms on the demo page; popover screenshot: ${SHOT}`);
await browser.close();
server.close();
