export * from './app-config';
export { readAdminPassword } from './cli-secrets';
export * from './config.module';
export { ConfigError, DEFAULT_MATCH_WEIGHTS, DEFAULT_PROXIMITY_CREDITS, loadConfig } from './load-config';
export { envSchema } from './config.schema';
export { runService } from './run-service';
export { inheritedEnvironment } from './child-environment';
