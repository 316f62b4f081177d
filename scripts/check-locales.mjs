#!/usr/bin/env node
// Fails when locales/*.xlf or src/generated/ are not what lit-localize would write from the
// sources now: a msg() added without `npm run localize:extract`, or a translation edited
// without `npm run localize:build`. Run from a clean git tree (CI).
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('npx', ['lit-localize', 'extract']);
run('npx', ['lit-localize', 'build']);
try {
  run('git', ['diff', '--exit-code', '--stat', '--', 'locales', 'src/generated']);
  console.log('locales and generated modules are up to date');
} catch {
  console.error('locales/ or src/generated/ are stale: run `npm run localize:extract`, translate, then `npm run localize:build`.');
  process.exit(1);
}
