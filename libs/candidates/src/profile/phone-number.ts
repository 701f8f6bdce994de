import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { InvalidPhoneNumberError } from '../candidate.errors';

/**
 * E.164 form of a phone number written in any common notation. A number without an international
 * prefix is read as a number of `defaultCountry` (the residence country).
 */
export function normalisePhone(input: string, defaultCountry?: string): string {
  const parsed = parsePhoneNumberFromString(input.trim(), {
    defaultCountry: defaultCountry as CountryCode | undefined,
  });
  if (!parsed || !parsed.isValid()) throw new InvalidPhoneNumberError();
  return parsed.number;
}
