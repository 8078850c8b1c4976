import { ErrorSummary, TextField, type FormState } from '../common/fields';
import { Page, type WebContext } from '../common/page';
import { SIGN_IN_TOKEN_FIELD } from './sign-in-token';

export interface LoginPageProps {
  ctx: WebContext;
  form: FormState;
  signInToken: string;
  next?: string;
}

export function LoginPage({ ctx, form, signInToken, next }: LoginPageProps) {
  return (
    <Page ctx={ctx} title="Sign in">
      <h1>Sign in</h1>
      <p class="lead">For researchers, reviewers and admins of campaign groups using Pledgewatch.</p>
      <ErrorSummary form={form} labels={{ email: 'Email', password: 'Password' }} />
      <form method="post" action="/login" class="stacked" novalidate>
        <input type="hidden" name={SIGN_IN_TOKEN_FIELD} value={signInToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField form={form} name="email" label="Email" type="email" autocomplete="username" required />
        <TextField
          form={{ values: {}, errors: form.errors }}
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          required
        />
        <div class="actions">
          <button type="submit">Sign in</button>
        </div>
      </form>
    </Page>
  );
}
