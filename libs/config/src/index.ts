export * from './app-config';
export * from './config.module';
export { ConfigError, loadConfig } from './load-config';
export { envSchema } from './config.schema';
export { runService } from './run-service';
