import { ValidationFailedError, type DomainErrorDetail } from '@app/common';
import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { undocumentedNulls } from '../validation/documented-nulls';

/** Validation, then the one rule it leaves out: `null` only where the document allows it. */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const validated: unknown = await super.transform(value, metadata);
    if (metadata.type === 'custom') return validated;
    const nulls = undocumentedNulls(validated, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (nulls.length > 0) throw new ValidationFailedError('The request is invalid', nulls);
    return validated;
  }
}

/** Rejects unknown fields and reports every violation by its dotted path. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError('The request is invalid', flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): DomainErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({
      field,
      reason: reason.replace('property ', 'field ').replace(/should not exist/, 'is not allowed'),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
