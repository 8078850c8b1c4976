import type { Command } from 'commander';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../identity/audit/audit.service';
import { ALL_ROLES, Role } from '../../../identity/auth/role.enum';
import { loadAppConfig } from '../../../platform/config/app-config';
import { buildDataSourceOptions } from '../../database/typeorm-options';
import { UsersService } from '../../../identity/users/users.service';

interface CreateUserOptions {
  email: string;
  role: string;
  passwordStdin?: boolean;
}

/** `create-user --email E --role R --password-stdin`: the first admin, or any account, from a shell. */
export function registerCreateUserCommand(program: Command): void {
  program
    .command('create-user')
    .description('Creates a user; the password is read from standard input')
    .requiredOption('--email <email>', 'email address (sign-in name)')
    .requiredOption('--role <role>', `one of: ${ALL_ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: CreateUserOptions) => {
      if (!options.passwordStdin) {
        // Never as an argument: it would show in `ps` and in shell history.
        throw new Error('Give the password on standard input and pass --password-stdin');
      }
      if (!isEmail(options.email)) throw new Error(`--email: "${options.email}" is not an email address`);
      const role = ALL_ROLES.find((candidate) => candidate === (options.role as Role));
      if (!role) throw new Error(`--role must be one of: ${ALL_ROLES.join(', ')}`);
      const password = await readPassword();
      await createUser(options.email, role, password);
    });
}

async function createUser(email: string, role: Role, password: string): Promise<void> {
  const config = loadAppConfig();
  const dataSource = await new DataSource(buildDataSourceOptions(config.databaseUrl)).initialize();
  try {
    const users = new UsersService(dataSource, new AuditService(dataSource));
    const user = await users.create({ email, role, password }, null);
    process.stdout.write(`Created ${user.role} ${user.email} (id ${user.id})\n`);
  } finally {
    await dataSource.destroy();
  }
}

/** All of standard input without the final line break (what `echo` or a here-string adds). */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
