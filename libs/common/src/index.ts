export * from './errors/domain-error';
export * from './errors/common.errors';
export * from './shipped-data';
