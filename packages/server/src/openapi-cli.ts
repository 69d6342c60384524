// Writes or checks packages/server/openapi.json, the committed OpenAPI document: an API change
// is always a visible diff, and CI fails when the committed document is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../openapi.json');
const mode = process.argv[2];
const database = await openDatabase({ kind: 'pglite' });
const app = await buildApp({ config: loadConfig({ SEED_DEMO: 'false' }), database });
await app.ready();
const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();

if (mode === 'write') {
  writeFileSync(file, document);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
} else {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {}
  if (committed !== document) {
    console.error('openapi.json is out of date: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('openapi.json: up to date');
}
