import { Transform } from 'class-transformer';

export const COUNTRY_CODE = /^[A-Za-z]{2}$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** Trims strings; leaves anything else for the validators to refuse. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
