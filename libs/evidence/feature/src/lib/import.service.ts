import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_SOURCE,
  type ImportReport as ImportResult,
  type ImportRun as ImportRunRow,
  importBundle,
  pageImportRuns,
} from '@candor/evidence-data-access';
import type { TenantContext } from '@candor/platform-auth';
import { APP_DATA_SOURCE, TenantDb } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeId,
  encodeId,
  pageRequest,
  toConnection,
} from '@candor/platform-graphql';
import { CandorException } from '@candor/shared-errors';
import { EvidenceException } from './evidence.exception';
import type { ImportReport } from './models/import-report.model';
import type { ImportRun } from './models/import-run.model';

/** How many problems an upload's answer lists (the run keeps up to 1,000; counts are exact). */
export const MAX_REJECTIONS_RETURNED = 100;
const STORE_ID_TYPE = 'Store';
const RUN_ID_TYPE = 'ImportRun';

/** What graphql-upload hands a resolver for an `Upload` argument. */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  createReadStream(): NodeJS.ReadableStream;
}

function visibleIds(ctx: TenantContext): readonly string[] | null {
  return ctx.stores.all ? null : ctx.stores.ids;
}

function toRunModel(run: ImportRunRow): ImportRun {
  return {
    id: encodeId(RUN_ID_TYPE, run.id),
    source: run.source,
    kind: run.kind,
    fileName: run.fileName,
    status: run.status,
    lines: run.lines,
    linesCommitted: run.linesCommitted,
    accepted: run.accepted,
    updated: run.updated,
    duplicate: run.unchanged + run.fileDuplicates,
    rejected: run.rejectedLines,
    error: run.error,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

function toReportModel(report: ImportResult): ImportReport {
  return {
    runId: encodeId(RUN_ID_TYPE, report.runId),
    status: report.status,
    lines: report.lines,
    accepted: report.accepted,
    updated: report.updated,
    duplicate: report.duplicate,
    rejected: report.rejected,
    blank: report.blank,
    rejections: report.rejections.slice(0, MAX_REJECTIONS_RETURNED),
    rejectionsTotal: report.rejections.length,
  };
}

/**
 * Evidence imports for the API (and anything else holding a TenantContext): uploads are piped
 * straight from the request into the import pipeline, never held whole in memory.
 */
@Injectable()
export class ImportService {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly db: TenantDb,
  ) {}

  async importUpload(
    ctx: TenantContext,
    storeGlobalId: string,
    file: UploadedFile,
    source: string | null,
  ): Promise<ImportReport> {
    const storeId = decodeId(STORE_ID_TYPE, storeGlobalId, 'storeId');
    try {
      const report = await importBundle(this.dataSource, ctx, {
        store: storeId,
        source: source ?? DEFAULT_SOURCE,
        visibleStoreIds: visibleIds(ctx),
        createdBy: ctx.userId,
        input: { kind: 'upload', stream: file.createReadStream(), fileName: file.filename },
      });
      return toReportModel(report);
    } catch (error) {
      // An invisible store and another tenant's store look the same: not found.
      if (error instanceof CandorException && error.code === 'NOT_FOUND') {
        throw EvidenceException.storeNotFound();
      }
      throw error;
    }
  }

  listRuns(
    ctx: TenantContext,
    storeGlobalId: string,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<ImportRun>> {
    const storeId = decodeId(STORE_ID_TYPE, storeGlobalId, 'storeId');
    const request = pageRequest(args);
    if (request.direction === 'backward') {
      throw CandorException.invalidInput([
        { field: 'last', message: 'import runs page forward only (use first/after)' },
      ]);
    }
    return this.db.run(ctx, async (tx) => {
      const visible = visibleIds(ctx);
      const [store] = await tx.query<{ id: string }>(
        'SELECT id FROM store WHERE id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))',
        [storeId, visible === null ? null : [...visible]],
      );
      if (!store) throw EvidenceException.storeNotFound();
      const after = request.cursorKey
        ? ([String(request.cursorKey[0]), String(request.cursorKey[1])] as [string, string])
        : null;
      const page = await pageImportRuns(tx, storeId, request.limit + 1, after);
      return toConnection(
        request,
        page.rows,
        page.totalCount,
        (r) => [r.startedKey, r.id],
        toRunModel,
      );
    });
  }
}
