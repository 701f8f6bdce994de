import { InvalidPhoneNumberError } from '../candidate.errors';
import { normalisePhone } from './phone-number';

describe('normalisePhone', () => {
  it('gives one E.164 form for the notations people write', () => {
    for (const written of ['+212 6 12 34 56 78', '00212612345678', '+212-612-345678', '0612345678']) {
      expect(normalisePhone(written, 'MA')).toBe('+212612345678');
    }
  });

  it('reads a national number by the residence country', () => {
    expect(normalisePhone('0300 1234567', 'PK')).toBe('+923001234567');
  });

  it('refuses what is not a valid number', () => {
    expect(() => normalisePhone('12', 'MA')).toThrow(InvalidPhoneNumberError);
    expect(() => normalisePhone('call me', 'MA')).toThrow(InvalidPhoneNumberError);
    expect(() => normalisePhone('0612345678')).toThrow(InvalidPhoneNumberError);
  });
});
