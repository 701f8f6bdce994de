export * from './app-config';
export { readAdminPassword } from './cli-secrets';
export * from './config.module';
export { ConfigError, loadConfig } from './load-config';
export { envSchema } from './config.schema';
export { runService } from './run-service';
