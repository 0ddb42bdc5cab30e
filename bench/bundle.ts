import { join } from 'node:path';
import { build } from 'vite';

/** Bundles bench/browser-entry.ts (as an IIFE global `GlossBench`, or an ES module). */
export async function bundleBench(format: 'iife' | 'es'): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: true, lib: { entry: join(import.meta.dirname, 'browser-entry.ts'), formats: [format], name: 'GlossBench' } },
  });
  const result = Array.isArray(out) ? out[0]! : out;
  if (!('output' in result)) throw new Error('unexpected vite result');
  return result.output[0].code;
}
