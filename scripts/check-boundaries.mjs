#!/usr/bin/env node
// Module boundaries (STYLE.md): a module's tables and internals are its own. Code outside a
// module imports it only through its index.ts; the platform and flows never import a module's
// internals either. Fails with the offending imports listed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../packages/server/src');
const modulesDir = path.join(root, 'modules');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (full.endsWith('.ts')) yield full;
  }
}

// modules/index.ts, the list of all modules, belongs to none of them.
const moduleOf = (file) => {
  const rel = path.relative(modulesDir, file);
  return rel.startsWith('..') || !rel.includes(path.sep) ? null : rel.split(path.sep)[0];
};

// Schema aggregation for migrations and the shared scope/table helpers are allowed by design.
const allowed = [/src\/db\/schema\.ts$/];

const problems = [];
for (const file of walk(root)) {
  if (allowed.some((re) => re.test(file))) continue;
  const from = moduleOf(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/from\s+['"](\.[^'"]+)['"]/g)) {
    const target = path.resolve(path.dirname(file), match[1]).replace(/\.js$/, '.ts');
    const to = moduleOf(target);
    if (!to || to === from) continue;
    // Foreign keys between modules' tables are schema, not access to another module's data.
    if (file.endsWith('.tables.ts') && target.endsWith('.tables.ts')) continue;
    if (
      path.basename(target) !== 'index.ts' ||
      path.dirname(target) !== path.join(modulesDir, to)
    ) {
      problems.push(
        `${path.relative(root, file)} imports ${match[1]} (use modules/${to}/index.ts)`,
      );
    }
  }
}
if (problems.length > 0) {
  console.error(`Module boundary violations:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('module boundaries: ok');
