import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** The query runner of the transaction the current call runs in, if any. */
const held = new AsyncLocalStorage<QueryRunner>();

/**
 * A pool checkout was requested while this call's transaction holds a connection. Each such
 * checkout needs a second connection while the first is held: enough of them at once and every
 * connection waits for one that will never be released.
 */
export class SecondCheckoutInTransactionError extends Error {
  constructor() {
    super('A pool connection was requested while this transaction holds one');
    this.name = 'SecondCheckoutInTransactionError';
  }
}

type TransactionArgs = Parameters<EntityManager['transaction']>;
type Work = (manager: EntityManager) => Promise<unknown>;

/** The held runner, lent out: whoever borrows it must not release the transaction's connection. */
function lent(runner: QueryRunner): QueryRunner {
  return new Proxy(runner, {
    get(target, property, receiver) {
      if (property === 'release') return () => Promise.resolve();
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Every read made while a transaction is open runs on that transaction's own connection: services
 * of other libraries read through `dataSource.manager`, repositories or `dataSource.query`, all of
 * which ask `createQueryRunner` for a connection, and get the transaction's instead of a second one
 * from the pool. A transaction therefore never needs more than the one connection it holds, however
 * many services it consults (no pool exhaustion under concurrent writes), and what it reads is what
 * it will commit against. A transaction opened inside another becomes a savepoint of it.
 *
 * With `strict` (the test environment), any other pool checkout made while a transaction holds a
 * connection is refused, so every end-to-end spec proves the rule for the paths it drives.
 */
export function keepTransactionsOnOneConnection(dataSource: DataSource, { strict = false } = {}): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  (manager as { transaction: unknown }).transaction = (...args: TransactionArgs) => {
    const isolation = typeof args[0] === 'string' ? args[0] : undefined;
    const work: Work = typeof args[0] === 'function' ? args[0] : args[1];
    const outer = held.getStore();
    if (outer && !outer.isReleased) return outer.manager.transaction(work);
    const inScope: Work = (txManager) => held.run(txManager.queryRunner!, () => work(txManager));
    return isolation ? transaction(isolation, inScope) : transaction(inScope);
  };
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const runner = held.getStore();
    return runner && !runner.isReleased ? lent(runner) : createQueryRunner(mode);
  };
  if (!strict) return;
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<unknown> };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () => {
    const runner = held.getStore();
    if (runner && !runner.isReleased) return Promise.reject(new SecondCheckoutInTransactionError());
    return obtain();
  };
}
