import { ValidationFailedError, type DomainErrorDetail } from '@app/common';
import { ValidationPipe, type ValidationError } from '@nestjs/common';

/** Rejects unknown fields and reports every violation by its dotted path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
