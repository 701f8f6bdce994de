import { Transform } from 'class-transformer';

/** `?x=a&x=b` and `?x=a,b` both become `['a', 'b']`; one value becomes a one-element array. */
export const QueryList = () =>
  Transform(({ value }: { value: unknown }) => {
    if (value === undefined || value === null || value === '') return undefined;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    return values
      .flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
      .filter((item) => item !== '');
  });

export const QueryNumber = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value !== '' ? Number(value) : value,
  );

export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
