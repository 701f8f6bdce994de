import type { AppConfig } from '@app/config';
import { UnsubscribeLinks } from './unsubscribe-links';

const config = (secret: string) =>
  ({
    mail: { publicUrl: 'https://talentpool.example.eu' },
    notifications: { linkSigningSecret: secret },
  }) as unknown as AppConfig;

describe('unsubscribe links', () => {
  const id = '3f0c9a52-1d6e-4c1b-9a57-0f7c2c5d8e11';
  const sut = new UnsubscribeLinks(config('a-secret-of-at-least-thirty-two-characters'));

  it('names the saved search it was signed for', () => {
    expect(sut.verify(sut.token(id))).toBe(id);
    expect(sut.url(id)).toBe(`https://talentpool.example.eu/alerts/unsubscribe/${sut.token(id)}`);
  });

  it('refuses a tampered id or signature, another key and malformed tokens', () => {
    const token = sut.token(id);
    const otherId = '3f0c9a52-1d6e-4c1b-9a57-0f7c2c5d8e12';
    expect(sut.verify(`${otherId}${token.slice(id.length)}`)).toBeNull();
    expect(sut.verify(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    const other = new UnsubscribeLinks(config('another-secret-of-at-least-thirty-two-chars'));
    expect(other.verify(token)).toBeNull();
    expect(sut.verify('')).toBeNull();
    expect(sut.verify(`${id}.`)).toBeNull();
  });
});
