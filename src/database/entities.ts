import { AuditEntry } from '../audit/audit-entry.entity';
import { ApiToken } from '../auth/api-token.entity';
import { Session } from '../auth/session.entity';
import { User } from '../users/user.entity';

/**
 * Every TypeORM entity, listed explicitly (no globs) so the app, the CLI and the tests load the same set.
 * Each feature module adds its entities here.
 */
export const allEntities: Array<new (...args: never[]) => object> = [User, Session, ApiToken, AuditEntry];
