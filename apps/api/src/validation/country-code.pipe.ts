import { ValidationFailedError } from '@app/common';
import { Injectable, type PipeTransform } from '@nestjs/common';

@Injectable()
export class CountryCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z]{2}$/.test(value))
      throw new ValidationFailedError('The request is invalid', [
        { field: 'countryCode', reason: 'must be a two-letter ISO 3166-1 code' },
      ]);
    return value.toUpperCase();
  }
}
