/** Field name → message; the order is the order of the fields on the page. */
export type FieldErrors = ReadonlyArray<{ field: string; message: string }>;

export function errorFor(errors: FieldErrors | undefined, field: string): string | undefined {
  return errors?.find((error) => error.field === field)?.message;
}

/** The id of a field's control, which the error summary links to. */
export function fieldId(field: string): string {
  return `field-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
