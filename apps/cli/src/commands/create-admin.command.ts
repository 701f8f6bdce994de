import { SYSTEM_ACTOR } from '@app/audit';
import { ConfigModule, readAdminPassword } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AccountProvisioning, IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readPassword } from '../read-password';

@Module({ imports: [ConfigModule, DatabaseModule, IdentityModule] })
class CreateAdminModule {}

/**
 * `admin:create --email <address>`: the password comes from ADMIN_PASSWORD or is typed at the
 * prompt (twice); there is no default. Meant for the first administrator and for recovery.
 */
export async function createAdmin(args: string[]): Promise<void> {
  const email = optionValue(args, '--email');
  if (!email)
    throw new Error('Usage: admin:create --email <address>  (password from ADMIN_PASSWORD or the prompt)');
  const password = readAdminPassword() ?? (await promptTwice());
  const app = await NestFactory.createApplicationContext(CreateAdminModule, { logger: ['error'] });
  try {
    const account = await app.get(AccountProvisioning).createAdmin({ email, password }, SYSTEM_ACTOR);
    process.stdout.write(`Created administrator ${account.id}\n`);
  } finally {
    await app.close();
  }
}

function optionValue(args: string[], name: string): string | undefined {
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function promptTwice(): Promise<string> {
  const first = await readPassword('Password for the new administrator: ');
  if (!process.stdin.isTTY) return first;
  const second = await readPassword('Repeat the password: ');
  if (first !== second) throw new Error('The passwords do not match');
  return first;
}
