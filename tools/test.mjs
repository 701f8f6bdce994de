#!/usr/bin/env node
// `npm test`: installs dependencies when needed, then runs every jest project (unit and
// end-to-end). Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, ensureSupportedNode, loadDotEnv, root, say } from './prepare.mjs';

process.chdir(root);
loadDotEnv();
ensureDependencies();
await ensureSupportedNode();
say(`Node.js ${process.version} (${process.platform}-${process.arch})`);

mkdirSync(join(root, '.data'), { recursive: true });
const resultsFile = join(root, '.data', `jest-results-${process.pid}.json`);
const jest = join(root, 'node_modules/jest/bin/jest.js');
const result = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});

// One plain closing line any CI can read.
if (existsSync(resultsFile)) {
  const summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
  rmSync(resultsFile);
  const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  const skipped = summary.numPendingTests + summary.numTodoTests;
  process.stdout.write(
    `\ntests: ${summary.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
  );
}
process.exit(result.status ?? 1);
