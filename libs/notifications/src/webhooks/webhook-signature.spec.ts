import { signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = '{"id":"e1","type":"vacancy.published","data":{"vacancyId":"v1"}}';
  const now = 1_796_200_000_000;
  const t = now / 1000;

  it('verifies what it signed, over the timestamp and the exact body', () => {
    const header = signatureHeader(secret, t, body);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, { now })).toBe(true);
  });

  it('refuses another secret, a changed body, a changed timestamp and an old delivery', () => {
    const header = signatureHeader(secret, t, body);
    expect(verifySignature('whsec_other', header, body, { now })).toBe(false);
    expect(verifySignature(secret, header, body.replace('v1', 'v2'), { now })).toBe(false);
    expect(verifySignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, { now })).toBe(false);
    expect(verifySignature(secret, header, body, { now: now + 301_000 })).toBe(false);
    expect(verifySignature(secret, 'v1=abc', body, { now })).toBe(false);
  });
});
