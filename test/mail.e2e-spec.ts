import { APP_CONFIG, ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { MailDelivery, MailModule, MailOutbox } from '@app/mail';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { uniqueEmail } from './factories/account.factory';

describe('outbox mailer', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let outbox: MailOutbox;
  let sut: MailDelivery;
  let config: AppConfig;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, MailModule],
    }).compile();
    await moduleRef.init();
    dataSource = moduleRef.get(getDataSourceToken());
    outbox = moduleRef.get(MailOutbox);
    sut = moduleRef.get(MailDelivery);
    config = moduleRef.get(APP_CONFIG);
  });

  afterAll(() => moduleRef.close());

  const mail = (to: string) => ({ template: 'test.hello', to, subject: 'Hello', text: 'Hello there' });

  it('stores the message and its job in the caller’s transaction, and nothing when it rolls back', async () => {
    const kept = uniqueEmail('kept');
    const dropped = uniqueEmail('dropped');
    const id = await dataSource.transaction((manager) => outbox.queue(manager, mail(kept)));
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.queue(manager, mail(dropped));
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');

    const messages: { id: string }[] = await dataSource.query(
      'SELECT id FROM mail_messages WHERE to_address = ANY($1)',
      [[kept, dropped]],
    );
    expect(messages).toEqual([{ id }]);
    const jobs: { payload: unknown }[] = await dataSource.query(
      `SELECT payload FROM outbox_messages WHERE job_name = 'mail.send' AND payload->>'messageId' = $1`,
      [id],
    );
    expect(jobs).toEqual([{ payload: { messageId: id } }]);
  });

  it('sends once: a second delivery of the same message is skipped', async () => {
    const to = uniqueEmail('once');
    const id = await dataSource.transaction((manager) => outbox.queue(manager, mail(to)));
    expect(await sut.deliver(id)).toBe('sent');
    const file = join(config.mail.mailboxDir, `${id}.json`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      to,
      subject: 'Hello',
      text: 'Hello there',
    });
    await rm(file);

    expect(await sut.deliver(id)).toBe('already_sent');
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await sut.deliver('00000000-0000-4000-8000-000000000000')).toBe('missing');
  });
});
