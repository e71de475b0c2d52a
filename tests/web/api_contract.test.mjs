// Contract test: the real `marsad serve` answers what docs/openapi.yaml says.
// A store is built from data/sample (plus a saved search), the server is
// started on it (tests/browser/server.mjs), and every GET path the spec lists
// is called with real ids from that store; each JSON body is validated with
// Ajv against the spec's schema for its status, made strict first:
//   - $refs inlined and `allOf` of objects merged into one object;
//   - an object schema that does not say otherwise refuses undocumented fields
//     (additionalProperties: false), so a field the server adds and the spec
//     forgets fails as surely as a field the spec promises and the server drops
//     (the spec marks those `required`).
// A not-found id is checked against the Error schema. The strict validator is
// first run on made-up bodies, so that a validator that stopped seeing
// anything fails too.
//   node tests/web/api_contract.test.mjs [MARSAD_BIN]
//   exit 77 (skipped): no marsad binary, or ajv/js-yaml not in web/node_modules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, serve } from '../browser/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.argv[2] ?? process.env.MARSAD_BIN ?? path.join(root, 'build', 'marsad');
const webRequire = createRequire(path.join(root, 'web', 'package.json'));
let Ajv, addFormats, yaml;
try {
  Ajv = webRequire('ajv').default;
  addFormats = webRequire('ajv-formats').default;
  yaml = webRequire('js-yaml');
} catch {
  console.log('SKIPPED: ajv, ajv-formats or js-yaml not installed in web/node_modules (cd web && npm ci)');
  process.exit(77);
}
if (!fs.existsSync(bin)) {
  console.log(`SKIPPED: marsad binary not found at ${bin}`);
  process.exit(77);
}

const spec = yaml.load(fs.readFileSync(path.join(root, 'docs', 'openapi.yaml'), 'utf8'));

/** The schema with $refs inlined, allOf merged and undocumented fields refused. */
function strict(schema, seen = []) {
  if (Array.isArray(schema)) return schema.map((s) => strict(s, seen));
  if (!schema || typeof schema !== 'object') return schema;
  if (schema.$ref) {
    assert.ok(!seen.includes(schema.$ref), `recursive $ref ${schema.$ref}`);
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k], spec);
    assert.ok(target, `unresolved $ref ${schema.$ref}`);
    return strict(target, [...seen, schema.$ref]);
  }
  let s = { ...schema };
  if (s.allOf) {
    const parts = s.allOf.map((p) => strict(p, seen));
    delete s.allOf;
    s = mergeObjects([s, ...parts]);
  }
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, strict(ps, seen)]));
    else if (k === 'items' || k === 'additionalProperties' || k === 'anyOf' || k === 'oneOf') out[k] = strict(v, seen);
    else if (k === 'description' || k === 'example') continue;
    else out[k] = v;
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.nullable && out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

function mergeObjects(parts) {
  const m = {};
  for (const p of parts) {
    for (const [k, v] of Object.entries(p)) {
      if (k === 'properties') m.properties = { ...m.properties, ...v };
      else if (k === 'required') m.required = [...new Set([...(m.required ?? []), ...v])];
      else m[k] = v;
    }
  }
  if (m.properties) m.type ??= 'object';
  return m;
}

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv, ['date', 'date-time']);

function validator(schema) { return ajv.compile(strict(schema)); }

function problems(validate, body) {
  if (validate(body)) return [];
  return validate.errors.slice(0, 20).map((e) => {
    const at = e.instancePath || '/';
    const extra = e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : '';
    return `${at}: ${e.message}${extra}`;
  });
}

/** The spec's schema of the response to GET `p` with `status`, by media type. */
function responseSchema(p, status) {
  const op = spec.paths[p].get;
  const r = op.responses[String(status)] ?? op.responses.default;
  assert.ok(r, `${p}: the spec has no response for HTTP ${status}`);
  const resp = r.$ref ? strict(r) : r;
  return resp.content;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-contract-'));
let server;

after(() => {
  server?.proc.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the strict validator refuses an undocumented field, a missing required field and a wrong type', () => {
  const v = validator({ $ref: '#/components/schemas/Error' });
  assert.deepEqual(problems(v, { error: { code: 'not_found', message: 'x' } }), []);
  assert.notDeepEqual(problems(v, { error: { code: 'not_found', message: 'x', extra: 1 } }), []);
  assert.notDeepEqual(problems(v, { error: { code: 'not_found' } }), []);
  assert.notDeepEqual(problems(v, { error: { code: 7, message: 'x' } }), []);
  const page = validator(spec.paths['/api/stories'].get.responses['200'].content['application/json'].schema);
  assert.notDeepEqual(problems(page, { total: 1, limit: 50, offset: 0, items: [{ id: 'one' }] }), []);
  assert.notDeepEqual(problems(page, { total: 1, limit: 50, offset: 0, items: [], surplus: true }), []);
});

describe('marsad serve on data/sample', () => {
  const ids = {};
  before(async () => {
    const db = path.join(tmp, 'sample.db');
    ingest(bin, db, path.join(root, 'data', 'sample'));
    const add = spawnSync(bin, ['alert', '--db', db, 'add', 'quake', 'زلزال'], { encoding: 'utf8' });
    assert.equal(add.status, 0, `marsad alert add failed:\n${add.stdout}\n${add.stderr}`);
    const contra = spawnSync(bin, ['alert', '--db', db, 'add', 'strike', '--contradictions', '--story', '1'],
      { encoding: 'utf8' });
    assert.equal(contra.status, 0, `marsad alert add --contradictions failed:\n${contra.stdout}\n${contra.stderr}`);
    server = await serve(bin, db);
    const get = async (p) => (await fetch(server.base + p)).json();
    // Every story and article, the most mentioned entities and every outlet.
    const stories = (await get('/api/stories?limit=200')).items;
    ids.story = stories.map((s) => s.id);
    ids.article = [];
    for (const id of ids.story) ids.article.push(...(await get(`/api/stories/${id}`)).articles.map((a) => a.id));
    ids.entity = (await get('/api/entities?limit=20')).items.map((e) => e.id);
    ids.outlet = (await get('/api/outlets')).items.map((o) => o.outlet);
    assert.ok(ids.story.length >= 5 && ids.article.length >= 20, `a small store: ${JSON.stringify(ids)}`);
  });

  /** The URLs of path `p` with every real id of the store in its parameter. */
  function fill(p) {
    const byPath = {
      '/api/stories/{id}': ids.story, '/api/stories/{id}/points': ids.story,
      '/api/stories/{id}/brief': ids.story, '/api/threads/{id}': ids.story,
      '/api/articles/{id}': ids.article,
      '/api/entities/{id}': ids.entity, '/api/outlets/{name}/profile': ids.outlet,
    };
    if (!p.includes('{')) return [p];
    assert.ok(byPath[p]?.length, `no id to fill in ${p}: add it to fill()`);
    return byPath[p].map((v) => p.replace(/\{[a-z]+\}/, encodeURIComponent(v)));
  }

  /** Extra query strings that make a list non-empty or reach a filtered branch. */
  const variants = {
    '/api/search': () => ['?q=%D8%B2%D9%84%D8%B2%D8%A7%D9%84', `?outlet=${encodeURIComponent(ids.outlet[0])}`],
    '/api/timeline': () => ['', `?story=${ids.story[0]}`],
    '/api/places': () => ['', `?story=${ids.story[0]}`],
    '/api/events': () => ['', `?story=${ids.story[0]}`],
    '/api/stories/{id}/brief': () => ['?format=html', '?format=md'],
  };

  const gets = Object.keys(spec.paths).filter((p) => spec.paths[p].get);
  test('the spec lists the read endpoints', () => {
    assert.ok(gets.length >= 14, `only ${gets.length} GET paths in docs/openapi.yaml`);
  });

  for (const p of gets) {
    test(`GET ${p}`, async () => {
      for (const q of (variants[p] ?? (() => ['']))()) for (const u of fill(p)) {
        const url = u + q;
        const r = await fetch(server.base + url);
        const content = responseSchema(p, r.status);
        const raw = await r.text();
        assert.equal(r.status, 200, `${url}: HTTP ${r.status} ${raw}`);
        const type = (r.headers.get('content-type') ?? '').split(';')[0].trim();
        const media = content[type] ?? (type === 'application/json' ? content['application/geo+json'] : undefined);
        assert.ok(media, `${url}: content-type ${type} not in the spec (${Object.keys(content)})`);
        const body = type.endsWith('json') ? JSON.parse(raw) : raw;
        const bad = problems(validator(media.schema), body);
        assert.deepEqual(bad, [], `${url} does not match docs/openapi.yaml:\n  ${bad.join('\n  ')}`);
        if (Array.isArray(body?.items) && q === '') {
          assert.ok(body.items.length > 0, `${url}: no items; the check would see nothing`);
        }
      }
    });
  }

  test('an unknown id answers 404 with the Error schema', async () => {
    for (const url of ['/api/stories/999999', '/api/articles/999999', '/api/entities/nope']) {
      const r = await fetch(server.base + url);
      assert.equal(r.status, 404, url);
      const bad = problems(validator({ $ref: '#/components/schemas/Error' }), await r.json());
      assert.deepEqual(bad, [], `${url}: ${bad.join('; ')}`);
    }
  });
});
