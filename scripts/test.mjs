#!/usr/bin/env node
// `npm test`: typecheck, lint and module boundaries, OpenAPI drift, server integration tests
// (PGlite, plus PostgreSQL when TEST_DATABASE_URL is set), then the browser tests in Chromium.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from '../e2e/chromium.mjs';

const steps = [];
const run = (name, cmd, args, env = {}) => {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  return ok;
};
const npm = (name, script) => run(name, 'npm', ['run', '--silent', script]);

let ok = npm('typecheck', 'typecheck');
ok = npm('lint and module boundaries', 'lint') && ok;
ok = npm('OpenAPI document is current', 'openapi:check') && ok;
ok = run('server integration tests', 'npm', ['test', '--silent', '-w', '@guanxi/server']) && ok;

const browser = chromiumPath();
let e2eNote = '';
if (browser) {
  ok = npm('build web app', 'build') && ok;
  ok = run('browser tests (Chromium)', 'npm', ['test', '--silent', '-w', '@guanxi/e2e']) && ok;
} else if (process.env.E2E_REQUIRED === '1') {
  steps.push({ name: 'browser tests (Chromium)', ok: false, seconds: 0 });
  ok = false;
  e2eNote = 'E2E_REQUIRED=1 but no Chromium was found (set CHROMIUM_PATH or install it).';
} else {
  e2eNote =
    'Browser tests were SKIPPED: no Chromium found. Install it (Debian/Ubuntu: `apt-get install -y chromium`) ' +
    'or set CHROMIUM_PATH, then run `npm test` again.';
}

console.log('\nSummary');
for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.name} (${s.seconds}s)`);
if (e2eNote) console.log(`\n${e2eNote}`);
if (!process.env.TEST_DATABASE_URL) {
  console.log(
    '\nServer tests ran on PGlite only; set TEST_DATABASE_URL=postgres://… to run them on PostgreSQL too.',
  );
}
const passed = steps.filter((s) => s.ok).length;
console.log(`\n${passed} passed, ${steps.length - passed} failed`);
process.exit(ok ? 0 : 1);
