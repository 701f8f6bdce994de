import { decideRefresh, type PresentedRefreshToken } from './refresh-decision';

const now = new Date('2026-05-01T12:00:00Z');
const token = (overrides: Partial<PresentedRefreshToken> = {}): PresentedRefreshToken => ({
  rotatedAt: null,
  expiresAt: new Date('2026-05-31T12:00:00Z'),
  sessionRevokedAt: null,
  ...overrides,
});

describe('decideRefresh', () => {
  it('rotates a current token', () => {
    expect(decideRefresh(token(), now)).toBe('rotate');
  });

  it('treats a token that was already rotated as reuse', () => {
    expect(decideRefresh(token({ rotatedAt: new Date('2026-05-01T11:00:00Z') }), now)).toBe('reuse');
  });

  it('refuses an expired token', () => {
    expect(decideRefresh(token({ expiresAt: now }), now)).toBe('expired');
  });

  it('refuses any token of a revoked session, rotated or not', () => {
    const revoked = new Date('2026-05-01T10:00:00Z');
    expect(decideRefresh(token({ sessionRevokedAt: revoked }), now)).toBe('revoked');
    expect(decideRefresh(token({ sessionRevokedAt: revoked, rotatedAt: revoked }), now)).toBe('revoked');
  });
});
