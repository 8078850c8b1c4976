import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { AuditService } from '../../identity/audit/audit.service';
import { UsersService } from '../../identity/users/users.service';
import { summariseChange, type FieldChange } from './change-summary';

export interface HistoryEntry {
  occurredAt: string;
  /** The actor's email, or "system" for seeds, imports and the monitor. */
  actor: string;
  action: string;
  changes: FieldChange[];
}

/** How many entries an entity page shows; the full log is at /api/audit. */
export const HISTORY_LENGTH = 30;

/** An entity's history from the audit log, newest first, with who did it and what changed. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  async of(entityType: string, entityId: string, viewer: AuthenticatedUser): Promise<HistoryEntry[]> {
    const page = await this.audit.list({ entityType, entityId, limit: HISTORY_LENGTH }, viewer);
    const actors = await this.users.findByIds(
      page.items.map((entry) => entry.actorId).filter((id): id is string => id !== null),
    );
    return page.items.map((entry) => ({
      occurredAt: entry.occurredAt,
      actor: entry.actorId ? (actors.get(entry.actorId)?.email ?? entry.actorId) : 'system',
      action: entry.action,
      changes: summariseChange(entry.before, entry.after),
    }));
  }
}
