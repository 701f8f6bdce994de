#!/usr/bin/env node
// `npm test`: installs dependencies when needed, then runs every jest project (unit and
// end-to-end). Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
import { spawnSync } from 'node:child_process';
import { ensureDependencies, loadDotEnv, root } from './prepare.mjs';

process.chdir(root);
loadDotEnv();
ensureDependencies();
const result = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
