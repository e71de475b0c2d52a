// Shared helpers for the browser tests: load playwright-core from web/'s
// node_modules (one package.json for the UI and its tests) and launch
// Debian's chromium headless, isolated, with no network beyond loopback use.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const chromiumPath = process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium';

/** playwright-core, or null when web/node_modules lacks it. */
export function loadPlaywright() {
  const require = createRequire(path.join(repoRoot, 'web', 'package.json'));
  try { return require('playwright-core'); } catch { return null; }
}

/** Launches chromium with a fresh profile; returns {browser, cleanup}. */
export async function launch(pw) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-chromium-'));
  const context = await pw.chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1360, height: 900 },
    locale: 'ar',
  });
  const cleanup = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, cleanup };
}
