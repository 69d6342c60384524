#!/usr/bin/env node
// `npm test`: typecheck, lint and module boundaries, OpenAPI drift, server integration tests
// (PGlite, plus PostgreSQL when TEST_DATABASE_URL is set), then the browser tests in Chromium.
import { spawn } from 'node:child_process';
import { chromiumPath } from '../e2e/chromium.mjs';

const steps = [];
const tests = { passed: 0, failed: 0 };
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** Runs one step, echoing its output, and adds the test counts its runner printed. */
const run = (name, cmd, args) =>
  new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n▶ ${name}`);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk;
    });
    child.on('close', (code) => {
      const text = plain(out);
      const vitest = /Tests\s+(?:(\d+) failed\s*\|\s*)?(\d+) passed/.exec(text);
      const nodeTest = /# pass (\d+)\s*\n# fail (\d+)/.exec(text);
      const counted = Boolean(vitest || nodeTest);
      if (vitest) {
        tests.passed += Number(vitest[2]);
        tests.failed += Number(vitest[1] ?? 0);
      } else if (nodeTest) {
        tests.passed += Number(nodeTest[1]);
        tests.failed += Number(nodeTest[2]);
      }
      const ok = code === 0;
      steps.push({ name, ok, counted, seconds: Math.round((Date.now() - started) / 100) / 10 });
      resolve(ok);
    });
  });
const npm = (name, script) => run(name, 'npm', ['run', '--silent', script]);

let ok = await npm('typecheck', 'typecheck');
ok = (await npm('lint and module boundaries', 'lint')) && ok;
ok = (await npm('OpenAPI document is current', 'openapi:check')) && ok;
ok =
  (await run('server integration tests', 'npm', ['test', '--silent', '-w', '@guanxi/server'])) &&
  ok;

const browser = chromiumPath();
let e2eNote = '';
if (browser) {
  ok = (await npm('build web app', 'build')) && ok;
  ok =
    (await run('browser tests (Chromium)', 'npm', ['test', '--silent', '-w', '@guanxi/e2e'])) && ok;
} else if (process.env.E2E_REQUIRED === '1') {
  steps.push({ name: 'browser tests (Chromium)', ok: false, counted: false, seconds: 0 });
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
// Checks that are not test runners (typecheck, lint, …) count as one test each.
const failedChecks = steps.filter((s) => !s.ok && !s.counted).length;
console.log(`\n${tests.passed} passed, ${tests.failed + failedChecks} failed`);
process.exit(ok ? 0 : 1);
