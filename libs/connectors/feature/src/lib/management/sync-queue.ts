import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { JobQueue } from '@candor/platform-queue';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import { CONNECTORS_OPTIONS, type ConnectorsOptions } from '../connectors.options';

/**
 * The API's handle on the job queue, started on first use: the API only sends jobs, and an API
 * that never triggers a sync (or runs before the worker installed the queue) must still boot.
 */
@Injectable()
export class SyncQueue implements OnModuleDestroy {
  private readonly logger = new Logger(SyncQueue.name);
  private queue: Promise<JobQueue> | null = null;

  constructor(@Inject(CONNECTORS_OPTIONS) private readonly options: ConnectorsOptions) {}

  get(): Promise<JobQueue> {
    const url = this.options.databaseUrl;
    if (!url) {
      return Promise.reject(
        new CandorException(ErrorCode.Internal, 'the job queue is not configured for this API'),
      );
    }
    this.queue ??= JobQueue.start({
      url,
      maintain: false,
      poolSize: 2,
      onError: (error) => this.logger.warn(`job queue: ${error.message}`),
    }).catch((error: unknown) => {
      this.queue = null;
      throw error;
    });
    return this.queue;
  }

  async onModuleDestroy(): Promise<void> {
    const queue = await this.queue?.catch(() => null);
    this.queue = null;
    await queue?.stop();
  }
}
