import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import type { AuthenticatedUser } from './authenticated-user';
import { csrfTokenForSession } from './csrf';
import type { Role } from './role.enum';
import { newSecret, secretDigest } from './secrets';
import { SESSION_LIFETIME_MS } from './session-cookie';
import { Session } from './session.entity';

export interface StartedSession {
  sessionId: string;
  /** Goes into the signed cookie; never stored. */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: AuthenticatedUser;
}

/** Browser sessions kept in Postgres, so logout and expiry hold on every API replica. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(user: AuthenticatedUser): Promise<StartedSession> {
    const secret = newSecret();
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
    return this.dataSource.transaction(async (manager) => {
      const sessions = manager.getRepository(Session);
      // Housekeeping where it costs nothing: this user's expired sessions (served by idx_sessions_user).
      await sessions.delete({ userId: user.id, expiresAt: LessThanOrEqual(new Date()) });
      const { identifiers } = await sessions.insert({
        userId: user.id,
        secretHash: secretDigest(secret),
        expiresAt,
      });
      const sessionId = (identifiers[0] as { id: string }).id;
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'session.start',
        entityType: 'session',
        entityId: sessionId,
        before: null,
        after: { id: sessionId, userId: user.id, expiresAt: expiresAt.toISOString() },
      });
      return {
        sessionId,
        secret,
        csrfToken: csrfTokenForSession(this.config.sessionSecret, sessionId),
        expiresAt,
      };
    });
  }

  /** The live session behind a cookie secret; null when unknown, expired, or its user is disabled. */
  async resolve(secret: string): Promise<ResolvedSession | null> {
    const row = await this.dataSource
      .getRepository(Session)
      .createQueryBuilder('session')
      .innerJoin('session.user', 'user')
      .select('session.id', 'sessionId')
      .addSelect('user.id', 'id')
      .addSelect('user.email', 'email')
      .addSelect('user.role', 'role')
      .where('session.secretHash = :hash', { hash: secretDigest(secret) })
      .andWhere('session.expiresAt > now()')
      .andWhere('user.disabledAt IS NULL')
      .getRawOne<{ sessionId: string; id: string; email: string; role: Role }>();
    if (!row) return null;
    return {
      sessionId: row.sessionId,
      csrfToken: csrfTokenForSession(this.config.sessionSecret, row.sessionId),
      user: { id: row.id, email: row.email, role: row.role },
    };
  }

  /** Ends a session for good (logout); the cookie is worthless afterwards even if someone kept a copy. */
  async end(sessionId: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.getRepository(Session).findOneBy({ id: sessionId });
      if (!session) return;
      await manager.getRepository(Session).delete({ id: sessionId });
      await this.audit.record(manager, {
        actorId,
        action: 'session.end',
        entityType: 'session',
        entityId: sessionId,
        before: { id: sessionId, userId: session.userId, expiresAt: session.expiresAt.toISOString() },
        after: null,
      });
    });
  }
}
