import { APP_CONFIG, type AppConfig } from '@app/config';
import { hash, verify, type Options } from '@node-rs/argon2';
import { Inject, Injectable } from '@nestjs/common';

// `Algorithm.Argon2id` of @node-rs/argon2: a const enum, which isolated modules cannot import.
const ARGON2ID = 2;

/** argon2id, parameters from config (OWASP's 19 MiB, t=2, p=1 by default). */
@Injectable()
export class PasswordHasher {
  private readonly options: Options;
  private dummyHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = {
      algorithm: ARGON2ID,
      memoryCost: config.auth.argon2.memoryKib,
      timeCost: config.auth.argon2.timeCost,
      parallelism: 1,
    };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  /**
   * With no stored hash (unknown account, or one without a password yet) it still runs a full
   * verification against a dummy hash, so the answer takes as long as for a real account.
   */
  async verify(storedHash: string | null, password: string): Promise<boolean> {
    if (storedHash === null) {
      this.dummyHash ??= this.hash('dummy password that matches nothing');
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(storedHash, password).catch(() => false);
  }
}
