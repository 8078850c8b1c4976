import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/app/database/typeorm-options';
import { ApiTokensService } from '../../src/identity/auth/api-tokens.service';
import { AuditService } from '../../src/identity/audit/audit.service';
import type { Role } from '../../src/identity/auth/role.enum';
import { UsersService } from '../../src/identity/users/users.service';

/** A staff user of `role` made through the services (so audited as in production), and an API token of theirs. */
export async function createStaffToken(
  databaseUrl: string,
  role: Role,
  name: string,
): Promise<{ userId: string; token: string }> {
  const dataSource = await new DataSource(buildDataSourceOptions(databaseUrl)).initialize();
  try {
    const audit = new AuditService(dataSource);
    const user = await new UsersService(dataSource, audit).create(
      {
        email: `${name}-${randomBytes(3).toString('hex')}@example.org`,
        role,
        password: randomBytes(12).toString('hex'),
      },
      null,
    );
    return {
      userId: user.id,
      token: (await new ApiTokensService(dataSource, audit).create(user.id, { name })).token,
    };
  } finally {
    await dataSource.destroy();
  }
}
