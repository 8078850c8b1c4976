/** What a signed-in person may do; `admin` passes every role check (see RolesGuard logic in auth.guard.ts). */
export enum Role {
  Researcher = 'researcher',
  Reviewer = 'reviewer',
  Admin = 'admin',
}

export const ALL_ROLES: readonly Role[] = [Role.Researcher, Role.Reviewer, Role.Admin];
