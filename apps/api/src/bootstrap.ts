import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@candor/platform-config';
import { AppModule } from './app.module';

/** Largest evidence bundle accepted in one GraphQL upload (streamed, never buffered whole). */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** Builds the API application (not yet listening); used by `npm start` and the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '1mb' });
  // Multipart GraphQL requests (bundle uploads) are streamed to the resolver as Upload scalars.
  app.use('/graphql', graphqlUploadExpress({ maxFileSize: MAX_UPLOAD_BYTES, maxFiles: 1 }));
  app.disable('x-powered-by');
  // Answers are private and never cached (Cache-Control: no-store): hashing each body is waste.
  app.disable('etag');
  return app;
}
