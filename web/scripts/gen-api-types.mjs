// Generates web/src/api.gen.ts, the TypeScript types of the JSON API, from
// docs/openapi.yaml with openapi-typescript (npm, MIT). The UI's hand-written
// types in src/api.ts are checked against these at compile time
// (src/api_contract.ts), so `tsc --noEmit` fails when the UI reads a field the
// spec does not promise. ctest `api_types` fails when the committed file is
// not what this script writes.
//
//   npm run gen:api            # rewrite src/api.gen.ts
//   node scripts/gen-api-types.mjs --check   # exit 1 when it is stale
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const specPath = path.resolve(web, '..', 'docs', 'openapi.yaml');
export const outPath = path.join(web, 'src', 'api.gen.ts');

const HEADER = `// GENERATED FILE: do not edit. The types of the marsad JSON API, made from
// docs/openapi.yaml by openapi-typescript: \`cd web && npm run gen:api\`
// (scripts/gen-api-types.mjs). ctest \`api_types\` fails when this file is stale;
// src/api_contract.ts checks the UI's own types against it.
`;

/** The text src/api.gen.ts must hold for docs/openapi.yaml, or for the spec
 *  `source` (a file URL or the YAML text itself; the tests pass a changed one). */
export async function generate(source = pathToFileURL(specPath)) {
  const ast = await openapiTS(source, { silent: true, arrayLength: true });
  return HEADER + '\n' + astToString(ast);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await generate();
  if (process.argv.includes('--check')) {
    const now = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : '';
    if (now !== text) {
      console.error(`${path.relative(process.cwd(), outPath)} is stale: run \`cd web && npm run gen:api\``);
      process.exit(1);
    }
    console.log('api.gen.ts up to date');
  } else {
    fs.writeFileSync(outPath, text);
    console.log(`wrote ${outPath}`);
  }
}
