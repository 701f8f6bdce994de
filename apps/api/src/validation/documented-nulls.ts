import type { DomainErrorDetail } from '@app/common';

/** Where `@ApiProperty` keeps a field's schema (`DECORATORS.API_MODEL_PROPERTIES`, not exported by the package). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/**
 * A `null` is accepted only where the OpenAPI document says the field is nullable. Validation
 * treats an optional field's `null` as left out and checks nothing, so without this a `null` would
 * reach the use cases (as a page size, a profile's name or a list) where no rule expects one. Walks
 * the validated request: each request class's fields, and the request classes nested in them.
 */
export function undocumentedNulls(value: unknown, path = ''): DomainErrorDetail[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => undocumentedNulls(item, join(path, String(index))));
  if (value === null || typeof value !== 'object') return [];
  const prototype = Object.getPrototypeOf(value) as object | null;
  // Only request classes: a free-form object (a saved search's stored query, say) is theirs to check.
  if (prototype === null || prototype === Object.prototype) return [];
  return Object.entries(value).flatMap(([key, field]) => {
    const at = join(path, key);
    if (field !== null) return undocumentedNulls(field, at);
    const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, key) as { nullable?: boolean } | undefined;
    return documented?.nullable ? [] : [{ field: at, reason: `${at} must not be null` }];
  });
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
