import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '@candor/platform-auth';
import { APP_DATA_SOURCE, pendingMigrations } from '@candor/platform-database';

@Controller()
@Public()
export class HealthController {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Liveness: the process is up and serving HTTP. */
  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and every migration has been applied. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    try {
      const pending = await pendingMigrations(this.dataSource);
      if (pending.length > 0) {
        res.status(503);
        return { status: 'not_ready', reason: 'migrations pending', pending };
      }
      return { status: 'ready' };
    } catch (error) {
      res.status(503);
      const reason = error instanceof Error ? error.message : 'database unreachable';
      return { status: 'not_ready', reason: `database: ${reason}` };
    }
  }
}
