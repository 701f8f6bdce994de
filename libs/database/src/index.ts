export * from './data-source-options';
export * from './database.module';
export * from './database-admin';
export * from './migrate';
export * from './transaction-connection';
export * from './database-unavailable';
export * from './session-lock';
