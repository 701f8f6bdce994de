import type { AppConfig } from '@app/config';
import { DestinationPolicy } from './destination-policy';

function policy(webhooks: Partial<AppConfig['webhooks']> = {}): DestinationPolicy {
  const config = {
    webhooks: { allowedHosts: [], allowedPrivateAddresses: [], timeoutMs: 1000, ...webhooks },
  } as unknown as AppConfig;
  return new DestinationPolicy(config);
}

describe('webhook destinations', () => {
  it('refuses loopback, private, link-local and unspecified addresses by default', () => {
    const sut = policy();
    for (const url of [
      'http://127.0.0.1/x',
      'http://10.0.0.8/x',
      'http://172.20.1.1/x',
      'http://192.168.1.1/x',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/x',
      'http://[::1]/x',
      'http://[fd00::1]/x',
      'http://[::ffff:127.0.0.1]/x',
    ])
      expect(() => sut.checkUrl(url)).toThrow(
        expect.objectContaining({ code: 'WEBHOOK_DESTINATION_REFUSED' }),
      );
    expect(sut.checkUrl('https://93.184.215.14/hook').hostname).toBe('93.184.215.14');
    expect(sut.checkUrl('https://pes.example.org/hook').hostname).toBe('pes.example.org');
  });

  it('refuses other schemes and credentials, and honours the host allow-list', () => {
    expect(() => policy().checkUrl('ftp://example.org/x')).toThrow();
    expect(() => policy().checkUrl('https://user:pw@example.org/x')).toThrow();
    const listed = policy({ allowedHosts: ['pes.example.org'] });
    expect(() => listed.checkUrl('https://other.example.org/x')).toThrow();
    expect(listed.checkUrl('https://PES.example.org/x').hostname).toBe('pes.example.org');
  });

  it('lets configured internal addresses through, and only those', () => {
    const sut = policy({ allowedPrivateAddresses: ['127.0.0.1'] });
    expect(sut.addressAllowed('127.0.0.1')).toBe(true);
    expect(sut.addressAllowed('127.0.0.2')).toBe(false);
    expect(sut.addressAllowed('10.1.1.1')).toBe(false);
  });
});
