// Bundled for the browser benchmark: runs the matcher comparison inside Chromium's engine.

import { generate } from './generate';
import { measure, PEERS } from './peers';

export function runMatchers(runs: number) {
  const input = generate();
  return PEERS.map((p) => measure(p, input.terms5k, input.blocks, runs));
}
