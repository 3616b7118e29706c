/**
 * vitest global setup: the tools the tests need beyond npm packages, made ready once before any test runs.
 * Chromium renders the HTML report in the reports' browser check; k6 runs the load scripts.
 */
import { ensureChromium } from '../src/tools/ensure-chromium.ts';
import { ensureK6 } from '../src/tools/ensure-k6.ts';

export async function setup(): Promise<void> {
  await ensureChromium();
  await ensureK6();
}
