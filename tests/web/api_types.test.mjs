// The web UI's API types follow docs/openapi.yaml (issue 25):
//   - web/src/api.gen.ts is what `npm run gen:api` writes from the spec now
//     (a stale committed file fails, with the command to run);
//   - tsc --noEmit passes, so the UI's hand-written types conform to the
//     generated ones (web/src/api_contract.ts);
//   - and the check can fail: the same sources with types generated from a
//     spec where a field the UI reads is renamed (StorySummary.article_count)
//     must not compile, and the error must come from api_contract.ts.
//   node tests/web/api_types.test.mjs   (exit 77: openapi-typescript or
//   typescript not installed in web/node_modules)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const web = path.join(root, 'web');
const tsc = path.join(web, 'node_modules', 'typescript', 'bin', 'tsc');
let gen;
try {
  gen = await import(path.join(web, 'scripts', 'gen-api-types.mjs'));
} catch (e) {
  console.log(`SKIPPED: openapi-typescript not installed in web/node_modules (cd web && npm ci): ${e.message}`);
  process.exit(77);
}
if (!fs.existsSync(tsc)) {
  console.log('SKIPPED: typescript not installed in web/node_modules');
  process.exit(77);
}

function runTsc(project) {
  return spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { encoding: 'utf8', timeout: 240000 });
}

test('web/src/api.gen.ts is generated from docs/openapi.yaml as it is now', async () => {
  const want = await gen.generate();
  const have = fs.readFileSync(gen.outPath, 'utf8');
  assert.ok(have === want, 'web/src/api.gen.ts is stale: run `cd web && npm run gen:api` and commit it');
});

test('the UI type-checks against the generated API types (tsc --noEmit)', () => {
  const r = runTsc(web);
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
});

test('a spec that renames a field the UI reads fails the compile in api_contract.ts', async () => {
  const spec = fs.readFileSync(gen.specPath, 'utf8');
  const needle = '        article_count: {type: integer}';
  assert.equal(spec.split(needle).length, 2, 'StorySummary.article_count not found once in the spec');
  const changed = spec.replace(needle, '        articles_count: {type: integer}')
    .replace('required: [id, title, first_seen, last_seen, article_count, outlets]',
      'required: [id, title, first_seen, last_seen, articles_count, outlets]');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-api-types-'));
  try {
    fs.cpSync(path.join(web, 'src'), path.join(tmp, 'src'), { recursive: true });
    fs.copyFileSync(path.join(web, 'tsconfig.json'), path.join(tmp, 'tsconfig.json'));
    fs.symlinkSync(path.join(web, 'node_modules'), path.join(tmp, 'node_modules'));
    fs.writeFileSync(path.join(tmp, 'src', 'api.gen.ts'), await gen.generate(changed));
    const r = runTsc(tmp);
    const out = `${r.stdout}${r.stderr}`;
    assert.notEqual(r.status, 0, 'tsc passed with a spec that renamed article_count');
    assert.match(out, /src\/api_contract\.ts/, `the error is not from api_contract.ts:\n${out}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
