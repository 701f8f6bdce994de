import 'reflect-metadata';
import { SYSTEM_ACTOR } from '@app/audit';
import { AccountProvisioning } from '@app/identity';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApi } from '../apps/api/src/configure-api';
import { startIsolatedRun } from './support/isolated-run';
import { numberArg, percentile } from './support/measure';

/**
 * Whether the account endpoints take longer for addresses that have an account than for those that
 * do not: password-reset requests, registrations and sign-ins with a wrong password, each asked for
 * known and unknown addresses in alternation over loopback HTTP, with the product's argon2 costs.
 * Run with `npm run bench:accounts [-- --rounds N]`.
 */
const ROUNDS = numberArg('rounds', 200);

async function main(): Promise<void> {
  const { dispose } = await startIsolatedRun('accounts');
  // No limit gets in the way of the measurement, and refused sign-ins are not logged one by one.
  Object.assign(process.env, {
    LOG_LEVEL: 'error',
    AUTH_RATE_WINDOW_SECONDS: '1',
    REGISTRATIONS_PER_IP: '1000000',
    PASSWORD_RESETS_PER_IP: '1000000',
    PASSWORD_RESETS_PER_ACCOUNT: '1000000',
    LOGIN_FAILURES_PER_IP: '1000000',
    LOGIN_FAILURES_PER_ACCOUNT: '1000000',
  });
  const api = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: ['error', 'warn'] });
  try {
    configureApi(api);
    await api.listen(0, '127.0.0.1');
    const port = (api.getHttpServer().address() as AddressInfo).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (path: string, body: unknown) =>
      new Promise<number>((resolve, reject) => {
        const payload = JSON.stringify(body);
        const started = performance.now();
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: `/api/v1${path}`,
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(performance.now() - started));
          },
        );
        req.on('error', reject);
        req.end(payload);
      });

    const known: string[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const email = `known-${randomUUID().slice(0, 12)}@example.org`;
      await api
        .get(AccountProvisioning)
        .createAdmin({ email, password: `Tp-${randomUUID()}-ok` }, SYSTEM_ACTOR);
      known.push(email);
    }
    const unknown = () => `nobody-${randomUUID().slice(0, 12)}@example.org`;
    const cases: [string, (email: string) => Promise<number>][] = [
      ['password-reset request', (email) => post('/auth/password-reset/request', { email })],
      ['registration', (email) => post('/auth/register', { email })],
      ['sign-in, wrong password', (email) => post('/auth/login', { email, password: 'not the password 1' })],
    ];
    process.stdout.write(`${ROUNDS} rounds each, known and unknown addresses in alternation\n`);
    for (const [label, call] of cases) {
      for (let i = 0; i < 20; i += 1) await call(unknown());
      const times = { known: [] as number[], unknown: [] as number[] };
      for (let i = 0; i < ROUNDS; i += 1) {
        times.known.push(await call(known[i]));
        times.unknown.push(await call(unknown()));
      }
      const line = (which: 'known' | 'unknown') =>
        `${which} p50 ${percentile(times[which], 50).toFixed(2)} / p90 ${percentile(times[which], 90).toFixed(2)} ms`;
      process.stdout.write(`  ${label.padEnd(26)} ${line('known')}; ${line('unknown')}\n`);
    }
    agent.destroy();
  } finally {
    await api.close();
    await dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
