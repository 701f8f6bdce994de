import { Transform } from 'class-transformer';

export const COUNTRY_CODE = /^[A-Za-z]{2}$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Trims strings; leaves anything else for the validators to refuse. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
