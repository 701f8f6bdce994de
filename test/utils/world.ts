import { APP_CONFIG, type AppConfig } from '@app/config';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountFactory, type SignedInAccount } from '../factories/account.factory';
import { seedCandidateFixtures } from '../factories/candidate.factory';
import { EmployerFactory, type RegisteredEmployer } from '../factories/employer.factory';
import { truncateAll } from './database';
import { clearRateLimits } from './rate-limits';

export interface VerifiedEmployerWorld {
  dataSource: DataSource;
  accounts: AccountFactory;
  admin: SignedInAccount;
  ncp: SignedInAccount;
  employer: RegisteredEmployer;
}

/**
 * Empty tables and rate limits, the candidate fixtures and shortage seed, then an administrator, the
 * Netherlands' national contact point and an employer it verified, all through the real API.
 */
export async function resetWithVerifiedEmployer(sut: NestExpressApplication): Promise<VerifiedEmployerWorld> {
  const dataSource = sut.get<DataSource>(getDataSourceToken());
  await truncateAll(dataSource);
  await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
  await seedCandidateFixtures(sut);
  await sut.get(ShortageSeeder).seed();
  const accounts = new AccountFactory(sut);
  const admin = await accounts.admin();
  const ncp = await accounts.ncp(admin, 'NL');
  const employer = await new EmployerFactory(sut, accounts).verified(ncp);
  return { dataSource, accounts, admin, ncp, employer };
}
