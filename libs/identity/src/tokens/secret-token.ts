import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens sent to users (refresh, email verification, password reset): 256 random bits, stored only
 * as a SHA-256 digest. With that much entropy a fast hash is enough; a slow one would only cost CPU.
 */
export function generateSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
