import type { Role } from './role.enum';

/** The caller of a request once the guard has resolved a session cookie or an API token. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  role: Role;
}
