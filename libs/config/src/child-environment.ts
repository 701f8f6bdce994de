/**
 * The environment a child process inherits (the CLI's API and worker, the bundled Meilisearch).
 * Read here because only this library reads process.env.
 */
export function inheritedEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env };
}
