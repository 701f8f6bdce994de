import { ValidationFailedError } from '@app/common';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { unsafeInputProblems } from './input-limits';

/**
 * The one check every body, query string and path parameter passes before validation: runs first
 * among the global pipes, so neither the transformer, a validator nor PostgreSQL sees what it refuses.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems = unsafeInputProblems(value, metadata.data ?? '');
    if (problems.length > 0) throw new ValidationFailedError('The request is invalid', problems);
    return value;
  }
}
