import { EmailAndPassword } from './credentials';

export class LoginRequest extends EmailAndPassword {}
