import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Takes the session-level advisory lock `name` on `session`, asking again every `pollMs` while
 * another session holds it. Asking rather than blocking keeps the statement timeout out of it.
 */
export async function waitForSessionLock(session: QueryRunner, name: string, pollMs: number): Promise<void> {
  for (;;) {
    const [{ locked }] = (await session.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      name,
    ])) as { locked: boolean }[];
    if (locked) return;
    await sleep(pollMs);
  }
}

/** Gives the lock back; fails only when the session is gone, and its lock with it. */
export async function releaseSessionLock(session: QueryRunner, name: string): Promise<void> {
  await session.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
}

/**
 * Runs `work` while this process holds the advisory lock `name` on a connection of its own, so
 * work of that name takes turns across every process; a process that dies lets go of it with its
 * connection.
 */
export async function withSessionLock<T>(
  dataSource: DataSource,
  name: string,
  pollMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    await waitForSessionLock(session, name, pollMs);
    try {
      return await work();
    } finally {
      await releaseSessionLock(session, name);
    }
  } finally {
    await session.release();
  }
}

/**
 * Takes the transaction-level advisory lock `name` on the transaction of `manager`, waiting while
 * another transaction holds it; it is let go at commit or rollback. Two transactions that would
 * each check that something does not exist yet and then create it (a double submission) take the
 * same lock first, so the second sees what the first committed and answers as if it came after.
 */
export async function lockWithinTransaction(manager: EntityManager, name: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
}

