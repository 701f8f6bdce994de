import { DomainError } from '@app/common';
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './load-config';

interface Closable {
  close(): Promise<void>;
}

/**
 * Reads `.env` from the working directory, as `npm start` and `npm test` do, so that every entry
 * point (API, worker, CLI) sees one configuration; variables already set in the environment win.
 */
export function loadEnvironmentFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/**
 * Runs a process entry point: configuration is read and validated before anything else, and a
 * failure to start prints the reason (every bad variable, for a ConfigError) and exits non-zero.
 */
export function runService(service: string, start: () => Promise<Closable | void>): void {
  Promise.resolve()
    .then(() => loadEnvironmentFile())
    .then(() => loadConfig())
    .then(start)
    .then((running) => {
      // Started by a supervisor over IPC (the start command): stop when it goes away.
      if (running && process.connected) {
        process.once('disconnect', () => void running.close().finally(() => process.exit(0)));
      }
    })
    .catch((error: unknown) => {
      // Configuration and domain errors are explained by their message; others need the stack.
      const explained = error instanceof ConfigError || error instanceof DomainError;
      const reason =
        error instanceof Error ? (explained ? error.message : (error.stack ?? error.message)) : String(error);
      process.stderr.write(`${service} failed: ${reason}\n`);
      process.exit(1);
    });
}
