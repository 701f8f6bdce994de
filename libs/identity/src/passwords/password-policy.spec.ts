import { passwordProblems } from './password-policy';

const reasons = (password: string, email = 'amina.k@example.org') =>
  passwordProblems(password, email).map((problem) => problem.reason);

describe('passwordProblems', () => {
  it('accepts a long, unremarkable passphrase', () => {
    expect(reasons('violet kettle harbour 7')).toEqual([]);
  });

  it('refuses passwords that are too short or too long', () => {
    expect(reasons('Zq7#kLp2')).toEqual(['must be at least 10 characters long']);
    expect(reasons('Zq7#kLp2xW'.repeat(13))).toEqual(['must be at most 128 characters long']);
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(reasons('ŝŭpêr-ĉîŝ😀')).toEqual([]);
  });

  it('refuses common words dressed up with digits and symbols', () => {
    expect(reasons('Password2024!')).toContain('is too common');
    expect(reasons('!!qwerty123456')).toContain('is too common');
    expect(reasons('iloveyou1234')).toContain('is too common');
  });

  it('refuses repeated and sequential characters', () => {
    expect(reasons('aaaaaaaaaaaa')).toContain('is too predictable (repeated or sequential characters)');
    expect(reasons('1234567890')).toContain('is too predictable (repeated or sequential characters)');
    expect(reasons('abcabcabcabc')).toContain('is too predictable (repeated or sequential characters)');
    expect(reasons('9876543210')).toContain('is too predictable (repeated or sequential characters)');
  });

  it('refuses a password containing the local part of the email address', () => {
    expect(reasons('my-Amina.K-secret', ' Amina.K@Example.org ')).toEqual([
      'must not contain your email address',
    ]);
  });

  it('reports every broken rule at once', () => {
    expect(reasons('amina.k')).toEqual([
      'must be at least 10 characters long',
      'must not contain your email address',
    ]);
  });
});
