import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { Role } from '../auth/role.enum';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../../platform/pagination/page';
import { assertStrongPassword, hashPassword } from './password';
import { User } from './user.entity';
import { normaliseEmail, toUserView, UserView } from './user-view';

export interface NewUser {
  email: string;
  role: Role;
  password: string;
}

export interface UserChanges {
  role?: Role;
  disabled?: boolean;
}

/** What sign-in needs to check a password; only AuthService asks for it. */
export interface SignInCandidate {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  disabledAt: Date | null;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates an account; `actorId` is the admin who did it (null from the CLI). */
  async create(input: NewUser, actorId: string | null): Promise<UserView> {
    const email = normaliseEmail(input.email);
    assertStrongPassword(input.password, email);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      if (await users.exists({ where: { email } })) throw duplicateEmail(email);
      const { identifiers } = await users.insert({ email, role: input.role, passwordHash }).catch((error) => {
        // A concurrent create of the same email won the race past our check.
        if ((error as { code?: string }).code === '23505') throw duplicateEmail(email);
        throw error;
      });
      const user = await users.findOneByOrFail({ id: (identifiers[0] as { id: string }).id });
      const view = toUserView(user);
      await this.audit.record(manager, {
        actorId,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        before: null,
        after: view,
      });
      return view;
    });
  }

  /** Everyone, ordered by email. */
  async list(cursor: string | undefined, limit = DEFAULT_PAGE_SIZE): Promise<Page<UserView>> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor, ['email'] as const).email;
    const rows = await this.dataSource.getRepository(User).find({
      where: after === undefined ? {} : { email: MoreThan(after) },
      order: { email: 'ASC' },
      take: limit + 1,
    });
    return toPage(rows, limit, (row) => encodeCursor({ email: row.email }), toUserView);
  }

  /**
   * Changes role or disabled state. An admin cannot demote or disable themselves, which also guarantees
   * that at least one active admin always remains.
   */
  async update(id: string, changes: UserChanges, actor: AuthenticatedUser): Promise<UserView> {
    if (id === actor.id && (changes.disabled === true || (changes.role && changes.role !== actor.role))) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        'You cannot change your own role or disable yourself',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const user = await users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError(DomainErrorCode.NotFound, `No user with id ${id}`);
      const before = toUserView(user);
      const actions: string[] = [];
      if (changes.role !== undefined && changes.role !== user.role) {
        user.role = changes.role;
        actions.push('user.role.change');
      }
      if (changes.disabled !== undefined && changes.disabled !== (user.disabledAt !== null)) {
        user.disabledAt = changes.disabled ? new Date() : null;
        actions.push(changes.disabled ? 'user.disable' : 'user.enable');
      }
      if (actions.length === 0) return before;
      const saved = await users.save(user);
      const after = toUserView(saved);
      await this.recordChange(manager, actions, before, after, actor.id);
      return after;
    });
  }

  async findSignInCandidate(email: string): Promise<SignInCandidate | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .select(['user.id', 'user.email', 'user.role', 'user.disabledAt'])
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  async findById(id: string): Promise<UserView | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    return user ? toUserView(user) : null;
  }

  /** Many users at once (e.g. the actors of a page of history), by id. */
  async findByIds(ids: string[]): Promise<Map<string, UserView>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.dataSource.getRepository(User).findBy({ id: In(unique) });
    return new Map(users.map((user) => [user.id, toUserView(user)]));
  }

  private recordChange(
    manager: EntityManager,
    actions: string[],
    before: UserView,
    after: UserView,
    actorId: string,
  ): Promise<void> {
    const action = actions.length === 1 ? actions[0] : 'user.update';
    return this.audit.record(manager, {
      actorId,
      action,
      entityType: 'user',
      entityId: after.id,
      before,
      after,
    });
  }
}

function duplicateEmail(email: string): DomainError {
  return new DomainError(DomainErrorCode.Conflict, `A user with the email ${email} already exists`);
}
