import { AuditModule } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { MailModule } from '@app/mail';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { AccountEntity } from './accounts/account.entity';
import { PasswordHasher } from './passwords/password-hasher.service';
import { AuthRateLimits } from './rate-limits/auth-rate-limits.service';
import { AccessTokens } from './sessions/access-tokens.service';
import { AuthSessionEntity } from './sessions/auth-session.entity';
import { RefreshTokenEntity } from './sessions/refresh-token.entity';
import { Sessions } from './sessions/sessions.service';
import { AccountTokenEntity } from './tokens/account-token.entity';
import { AccountTokens } from './tokens/account-tokens.service';
import { AccountProvisioning } from './use-cases/account-provisioning.service';
import { Accounts } from './use-cases/accounts.service';
import { Authentication } from './use-cases/authentication.service';
import { CredentialRetention } from './use-cases/credential-retention.service';
import { OrganisationAccounts } from './use-cases/organisation-accounts.service';
import { Passwords } from './use-cases/passwords.service';
import { Registration } from './use-cases/registration.service';

@Module({
  imports: [
    AuditModule,
    MailModule,
    QueueModule,
    // A key object made once: handed a string, jsonwebtoken tries to parse it as a PEM key on every
    // call before treating it as a secret, which costs about half a millisecond a request.
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')),
      }),
    }),
    TypeOrmModule.forFeature([AccountEntity, AccountTokenEntity, AuthSessionEntity, RefreshTokenEntity]),
  ],
  providers: [
    PasswordHasher,
    AuthRateLimits,
    AccessTokens,
    Sessions,
    AccountTokens,
    Registration,
    Authentication,
    Passwords,
    AccountProvisioning,
    Accounts,
    CredentialRetention,
    OrganisationAccounts,
  ],
  exports: [
    Registration,
    Authentication,
    Passwords,
    AccountProvisioning,
    Accounts,
    CredentialRetention,
    OrganisationAccounts,
  ],
})
export class IdentityModule {}
