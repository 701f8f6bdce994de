import { REFERENCE_CODE } from '@app/candidates';
import { ValidationFailedError } from '@app/common';
import { Injectable, type PipeTransform } from '@nestjs/common';

/** A candidate's pseudonymous reference code in a path, checked for its form before any lookup. */
@Injectable()
export class ReferenceCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const code = value.toUpperCase();
    if (!REFERENCE_CODE.test(code))
      throw new ValidationFailedError('The request is invalid', [
        { field: 'referenceCode', reason: 'must be a reference code like TP-7K2M-9QXD' },
      ]);
    return code;
  }
}
