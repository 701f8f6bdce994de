import { randomInt } from 'node:crypto';

/** Crockford-like alphabet: no 0/O or 1/I, so codes read back over the phone unambiguously. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The form of every reference code, for checking one that comes from a client. */
export const REFERENCE_CODE = new RegExp(`^TP-[${ALPHABET}]{4}-[${ALPHABET}]{4}$`);

/**
 * A pseudonymous reference code (`TP-XXXX-XXXX`). Random, not derived from the id, so it reveals
 * nothing and cannot be turned back into the candidate's row without the database.
 */
export function newReferenceCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `TP-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
