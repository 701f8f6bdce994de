import { EmailField } from './credentials';

/**
 * Candidate self-registration: an address only. Its holder chooses the password through the
 * emailed verification link, so no one can attach a password to an address they do not own.
 */
export class RegisterRequest extends EmailField {}
