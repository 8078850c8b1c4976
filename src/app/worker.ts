import 'reflect-metadata';
import { createWorkerApp } from './app-setup';
import { exitOnConfigError } from '../platform/config/exit-on-config-error';

/** The worker: BullMQ processors only. */
async function bootstrap(): Promise<void> {
  await createWorkerApp(exitOnConfigError());
}

void bootstrap();
