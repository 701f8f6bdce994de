import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailEnvelope, MailTransport } from './mail.types';

/** Development and test transport: one JSON file per message, named by message id. */
export class MailboxTransport implements MailTransport {
  constructor(private readonly dir: string) {}

  async send(mail: MailEnvelope): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${mail.id}.json`);
    const partial = `${path}.partial`;
    await writeFile(partial, JSON.stringify({ ...mail, sentAt: new Date().toISOString() }, null, 2));
    // Readers never see a half-written file.
    await rename(partial, path);
  }
}
