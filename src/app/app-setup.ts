import { ValidationPipe } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from '../platform/config/app-config';
import { PageErrorsFilter } from '../ui/page-errors.filter';
import { validationExceptionFactory } from '../platform/http/errors/validation-exception';
import { ApiErrorBody } from '../platform/http/errors/api-error-body';
import { documentErrorResponses } from '../platform/http/errors/openapi-errors';
import { rejectUnparsedContentTypes } from '../platform/http/limits/content-type';
import { rejectDeeplyNestedBodies } from '../platform/http/limits/json-depth';
import { rejectBadRequestTargets } from '../platform/http/limits/request-target';
import { securityHeaders } from '../platform/http/security/security-headers';
import { CrossOriginReadInterceptor } from '../platform/http/cross-origin/cross-origin-read';
import { PUBLIC_ASSETS_DIR } from '../ui/project-root';
import { WorkerModule } from './worker.module';
import { ReadRouting } from '../platform/database/read-replica/read-routing';
import { publicReadsOnReplica } from './database/public-reads-on-replica';

/** Builds the API app exactly as production runs it; tests call this too. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Headers first, so refusals by the limits below carry them too.
  app.use(securityHeaders(config));
  // gzip or brotli as the client asks, streamed (exports are compressed as they are written). Public copies
  // served from the front-door cache skip this: they keep the compressed forms made on their first hit (public/cache).
  app.use(compression());
  app.use(rejectBadRequestTargets);
  app.use(rejectUnparsedContentTypes);
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.use(rejectDeeplyNestedBodies);
  app.use(cookieParser(config.sessionSecret));
  app.use(publicReadsOnReplica(app.get(ReadRouting)));
  app.useStaticAssets(PUBLIC_ASSETS_DIR, { prefix: '/assets/', maxAge: '1h', index: false });
  // Browsers ask for /favicon.ico on a first visit whatever the page links; answer with the icon, not a 404.
  app.use('/favicon.ico', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.sendFile(path.join(PUBLIC_ASSETS_DIR, 'favicon.ico'), { maxAge: '7d' });
  });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalInterceptors(new CrossOriginReadInterceptor(app.get(Reflector)));
  app.useGlobalFilters(new PageErrorsFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app, config);
  return app;
}

/** Builds the worker (no HTTP). On SIGTERM, BullMQ workers finish their current jobs before the process exits. */
export async function createWorkerApp(config: AppConfig) {
  const worker = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    bufferLogs: true,
  });
  worker.useLogger(worker.get(Logger));
  worker.enableShutdownHooks();
  return worker;
}

/** The document changes only with a deploy; clients may keep it a few minutes without asking again. */
const OPENAPI_CACHE_CONTROL = 'public, max-age=300';

function setUpOpenApi(app: NestExpressApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Pledgewatch API')
      .setDescription(
        'Brands, their commitments on Uyghur Region sourcing and forced labour, and the evidence behind them',
      )
      .setVersion('1')
      .addServer(config.publicUrl)
      .addBearerAuth()
      .build(),
    { extraModels: [ApiErrorBody] },
  );
  documentErrorResponses(document);
  // Built from the configuration alone (servers from PUBLIC_URL, never the Host), so one copy fits every
  // client; readable from any origin, for client generators and API explorers running elsewhere.
  app.use('/api/docs-json', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', OPENAPI_CACHE_CONTROL);
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
