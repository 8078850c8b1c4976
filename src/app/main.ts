import 'reflect-metadata';
import { createApiApp } from './app-setup';
import { exitOnConfigError } from '../platform/config/exit-on-config-error';

/** The API and web server. */
async function bootstrap(): Promise<void> {
  const config = exitOnConfigError();
  const app = await createApiApp(config);
  await app.listen(config.port);
}

void bootstrap();
