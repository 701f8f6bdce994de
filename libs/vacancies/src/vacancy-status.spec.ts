import { canMove, expiryOf, isEditable } from './vacancy-status';

describe('vacancy lifecycle', () => {
  it('goes draft → published → closed or expired, and nowhere after', () => {
    expect(canMove('draft', 'published')).toBe(true);
    expect(canMove('draft', 'closed')).toBe(true);
    expect(canMove('published', 'closed')).toBe(true);
    expect(canMove('published', 'expired')).toBe(true);
    expect(canMove('draft', 'expired')).toBe(false);
    expect(canMove('published', 'draft')).toBe(false);
    expect(canMove('published', 'published')).toBe(false);
    for (const to of ['draft', 'published', 'closed', 'expired'] as const) {
      expect(canMove('closed', to)).toBe(false);
      expect(canMove('expired', to)).toBe(false);
    }
  });

  it('edits drafts only', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('published')).toBe(false);
  });

  it('expires after the validity in months, at the same time of day', () => {
    expect(expiryOf(new Date('2026-01-15T10:30:00Z'), 6).toISOString()).toBe('2026-07-15T10:30:00.000Z');
    expect(expiryOf(new Date('2026-08-31T08:00:00Z'), 6).toISOString()).toBe('2027-02-28T08:00:00.000Z');
  });
});
