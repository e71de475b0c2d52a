// Shared helpers for tests that run the real `marsad serve`: ingest into a
// store, then serve it on a free loopback port (the browser e2e test and the
// API contract test, tests/web/api_contract.test.mjs).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

/** A loopback port free at the time of asking. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

/** `marsad ingest --db DB INPUT`; fails the test on a non-zero exit. */
export function ingest(bin, db, input) {
  const r = spawnSync(bin, ['ingest', '--db', db, input], { encoding: 'utf8', timeout: 300000 });
  assert.equal(r.status, 0, `marsad ingest ${input} failed:\n${r.stdout}\n${r.stderr}`);
}

/** The flag naming the UI folder, as `marsad serve --help` spells it (none: built in). */
function webArgs(bin, dist) {
  if (!dist) return [];
  const help = spawnSync(bin, ['serve', '--help'], { encoding: 'utf8' });
  const m = /(--(?:web|static|ui)[-a-z]*)\b/.exec(`${help.stdout}${help.stderr}`);
  return m ? [m[1], dist] : [];
}

/** `marsad serve --db DB` on a free port, answering /api/health; returns {base, proc}.
 *  A port taken between the probe and the bind (other sessions start servers too) is
 *  retried on another. The caller stops `proc` (SIGTERM) when done. */
export async function serve(bin, db, dist) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serveOnce(bin, db, dist);
    } catch (e) {
      if (attempt >= 3 || !/cannot listen|exited/.test(String(e))) throw e;
    }
  }
}

async function serveOnce(bin, db, dist) {
  const port = await freePort();
  const args = ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), ...webArgs(bin, dist)];
  const env = dist ? { ...process.env, MARSAD_WEB_DIR: dist } : process.env;
  const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`marsad serve exited ${proc.exitCode}:\n${log}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return { base, proc };
    } catch { /* not listening yet */ }
    await new Promise((res) => setTimeout(res, 100));
  }
  proc.kill('SIGTERM');
  throw new Error(`marsad serve did not answer on ${base}:\n${log}`);
}
