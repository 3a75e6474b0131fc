import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { requestIdFor } from './request-id';

export interface LoggingOptions {
  level: string;
  /** Service name written on every line (`api`, `worker`). */
  service: string;
}

/**
 * Structured JSON logs (pino). Each HTTP request gets a request id, carried on every line logged
 * while serving it. Credentials are redacted wherever they appear.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.level,
            base: { service: options.service },
            genReqId: requestIdFor,
            customAttributeKeys: { reqId: 'requestId' },
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.headers["x-candor-ingest-token"]',
                'res.headers["set-cookie"]',
              ],
              censor: '[redacted]',
            },
            // Only these three serializers: pino-http's default wrapping would first copy every
            // request's headers, address and parameters into an object, for each request.
            wrapSerializers: false,
            serializers: {
              req: (req: { id: unknown; method: unknown; url: unknown }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
              err: stdSerializers.err,
            },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
