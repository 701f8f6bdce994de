import { EmailAndPassword } from './credentials';

/** Candidate self-registration: at least 10 characters, not common, not containing the email. */
export class RegisterRequest extends EmailAndPassword {}
