export * from './errors/domain-error';
export * from './errors/common.errors';
export * from './errors/middleware-error';
export * from './shipped-data';
export * from './iso-date';
export { sqlOperand } from './sql-operand';
export * from './page';
