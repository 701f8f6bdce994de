import { DomainError } from '@app/common';

export class NotAThirdCountryError extends DomainError {
  constructor(code: string) {
    super(
      'invalid',
      'NOT_A_THIRD_COUNTRY',
      `${code} is not a third country (unknown, or an EU Member State)`,
      [{ field: 'countryCode', reason: 'must be the ISO 3166-1 alpha-2 code of a non-EU country' }],
    );
  }
}
