import { generateSecretToken, hashSecretToken } from './secret-token';

describe('secret tokens', () => {
  it('are 256-bit url-safe strings stored only as their SHA-256 digest', () => {
    const { token, hash } = generateSecretToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashSecretToken(token)).toBe(hash);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateSecretToken().token));
    expect(tokens.size).toBe(1000);
  });
});
