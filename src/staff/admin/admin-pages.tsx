import { Role } from '../../identity/auth/role.enum';
import type { WatchView } from '../../monitoring/dto/watch.view';
import type { UserView } from '../../identity/users/user-view';
import { ErrorSummary, SelectField, TextField, type FormState } from '../common/fields';
import { formatTime } from '../common/labels';
import { CsrfField, Page, type WebContext } from '../common/page';

const ROLE_OPTIONS = Object.values(Role).map((value) => ({ value, label: value }));

export function AdminHomePage({ ctx }: { ctx: WebContext }) {
  return (
    <Page ctx={ctx} title="Admin">
      <h1>Admin</h1>
      <ul class="cards">
        <li>
          <h2>
            <a href="/admin/users">Users and roles</a>
          </h2>
          <p>Create accounts, change roles, disable people who left.</p>
        </li>
        <li>
          <h2>
            <a href="/admin/watches">Watches</a>
          </h2>
          <p>Pages the monitor checks: add, pause, resume, check now, and their health.</p>
        </li>
        <li>
          <h2>
            <a href="/admin/queues">Queue dashboard</a>
          </h2>
          <p>Jobs of the monitor, the archive and webhooks (Bull Board).</p>
        </li>
        <li>
          <h2>
            <a href="/health">Health</a>
          </h2>
          <p>Database, Redis and worker heartbeat, as JSON.</p>
        </li>
      </ul>
    </Page>
  );
}

export function UsersPage({
  ctx,
  users,
  form,
  selfId,
}: {
  ctx: WebContext;
  users: UserView[];
  form: FormState;
  selfId: string;
}) {
  return (
    <Page ctx={ctx} title="Users and roles">
      <p class="breadcrumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Users and roles</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr>
                <td>
                  {user.email}
                  <div class="muted small">since {formatTime(user.createdAt)}</div>
                </td>
                <td>{user.role}</td>
                <td>{user.disabledAt ? `disabled ${formatTime(user.disabledAt)}` : 'active'}</td>
                <td>
                  {user.id === selfId ? (
                    <span class="muted">You (ask another admin to change your account)</span>
                  ) : (
                    <div class="actions">
                      <form method="post" action={`/admin/users/${user.id}`} class="inline">
                        <CsrfField ctx={ctx} />
                        <label for={`role-${user.id}`} class="visually-hidden">
                          Role of {user.email}
                        </label>
                        <select id={`role-${user.id}`} name="role">
                          {ROLE_OPTIONS.map((option) => (
                            <option value={option.value} selected={option.value === user.role}>
                              {option.label}
                            </option>
                          ))}
                        </select>{' '}
                        <button type="submit" class="button secondary">
                          Change role
                        </button>
                      </form>
                      <form method="post" action={`/admin/users/${user.id}`} class="inline">
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="disabled" value={user.disabledAt ? 'false' : 'true'} />
                        <button type="submit" class={user.disabledAt ? 'button secondary' : 'button danger'}>
                          {user.disabledAt ? 'Enable' : 'Disable'}
                        </button>
                      </form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="new-user">Add a user</h2>
      <ErrorSummary form={form} labels={{ email: 'Email', role: 'Role', password: 'Initial password' }} />
      <form method="post" action="/admin/users" class="stacked" novalidate>
        <CsrfField ctx={ctx} />
        <TextField form={form} name="email" label="Email" type="email" required autocomplete="off" />
        <SelectField
          form={form}
          name="role"
          label="Role"
          required
          blank="Choose a role"
          options={ROLE_OPTIONS}
        />
        <TextField
          form={{ values: {}, errors: form.errors }}
          name="password"
          label="Initial password"
          type="password"
          required
          autocomplete="new-password"
          hint="At least 12 characters; share it with the person privately."
        />
        <div class="actions">
          <button type="submit">Create user</button>
        </div>
      </form>
    </Page>
  );
}

export function WatchesPage({
  ctx,
  watches,
  brandNames,
  form,
  nextCursor,
}: {
  ctx: WebContext;
  watches: WatchView[];
  brandNames: Map<string, { slug: string; name: string }>;
  form: FormState;
  nextCursor: string | null;
}) {
  return (
    <Page ctx={ctx} title="Watches">
      <p class="breadcrumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Watches</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Brand</th>
              <th scope="col">Health</th>
              <th scope="col">Last checked</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {watches.map((watch) => {
              const brand = brandNames.get(watch.brandId);
              return (
                <tr>
                  <td class="url">
                    <a href={watch.url} rel="noreferrer noopener">
                      {watch.url}
                    </a>
                    <div class="muted small">
                      every {watch.intervalMinutes} min{watch.needsBrowser ? ' · browser' : ''}
                      {watch.selector ? ` · ${watch.selector}` : ''}
                    </div>
                  </td>
                  <td>{brand ? <a href={`/research/brands/${brand.slug}`}>{brand.name}</a> : '—'}</td>
                  <td>
                    <span class={`health health-${watch.health}`}>{watch.health}</span>
                    {!watch.active && <span class="tag">paused</span>}
                    {watch.goneSince && <div class="small">gone since {formatTime(watch.goneSince)}</div>}
                    {watch.blockedSince && (
                      <div class="small">
                        <span class="tag">blocked</span> by {watch.blockedBy ?? 'a bot wall'} since{' '}
                        {formatTime(watch.blockedSince)}
                      </div>
                    )}
                    {watch.lastError && <div class="small muted">{watch.lastError}</div>}
                  </td>
                  <td>{formatTime(watch.lastCheckedAt)}</td>
                  <td>
                    <div class="actions">
                      <form
                        method="post"
                        action={`/admin/watches/${watch.id}/${watch.active ? 'pause' : 'resume'}`}
                        class="inline"
                      >
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="button secondary">
                          {watch.active ? 'Pause' : 'Resume'}
                        </button>
                      </form>
                      <form method="post" action={`/admin/watches/${watch.id}/check`} class="inline">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="button secondary">
                          Check now
                        </button>
                      </form>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {nextCursor && (
        <p>
          <a href={`/admin/watches?cursor=${encodeURIComponent(nextCursor)}`}>More watches</a>
        </p>
      )}
      <h2 id="new-watch">Watch a page</h2>
      <ErrorSummary
        form={form}
        labels={{
          brand: 'Brand',
          url: 'URL',
          selector: 'Selector',
          intervalMinutes: 'Interval',
          language: 'Language',
        }}
      />
      <form method="post" action="/admin/watches" class="stacked" novalidate>
        <CsrfField ctx={ctx} />
        <TextField form={form} name="brand" label="Brand" required hint="Its slug, e.g. zara" />
        <TextField form={form} name="url" label="URL" type="url" required hint="A public page of the brand" />
        <TextField
          form={form}
          name="selector"
          label="Selector"
          hint="CSS selector of the part worth watching (optional)"
        />
        <TextField
          form={form}
          name="intervalMinutes"
          label="Interval"
          inputmode="numeric"
          hint="Minutes between checks; a day (1440) when empty"
        />
        <TextField form={form} name="language" label="Language" hint="en, zh, de... (optional)" />
        <label class="check">
          <input
            type="checkbox"
            name="needsBrowser"
            value="yes"
            checked={form.values.needsBrowser === 'yes'}
          />{' '}
          The page builds its text with JavaScript (check it in Chromium)
        </label>
        <div class="actions">
          <button type="submit">Add watch</button>
        </div>
      </form>
    </Page>
  );
}
