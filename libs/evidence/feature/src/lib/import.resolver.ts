import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLUpload } from 'graphql-upload-minimal';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { ImportRunsArgs } from './dto/import-runs.args';
import { EvidenceException } from './evidence.exception';
import { type UploadedFile, ImportService } from './import.service';
import { ImportReport } from './models/import-report.model';
import { ImportRunConnection } from './models/import-run.model';

/** graphql-upload resolves an Upload argument to the file (or an object holding its promise). */
async function fileOf(value: unknown): Promise<UploadedFile> {
  const resolved: unknown = await value;
  const file =
    resolved && typeof resolved === 'object' && 'promise' in resolved
      ? await (resolved as { promise: Promise<unknown> }).promise
      : resolved;
  if (!file || typeof (file as UploadedFile).createReadStream !== 'function') {
    throw EvidenceException.noFile();
  }
  return file as UploadedFile;
}

@Resolver()
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Requires('evidence:write')
  @Mutation(() => ImportReport, {
    description:
      "Imports an evidence bundle (JSON Lines, optionally gzip'd) into a store, streamed as it uploads. " +
      'Send it as a multipart request with the header `apollo-require-preflight: true`. ' +
      'Bad lines are reported with line, field and reason; the good ones are kept.',
  })
  async importEvidence(
    @CurrentTenant() ctx: TenantContext,
    @Args('storeId', { type: () => ID, description: 'The store the evidence belongs to.' })
    storeId: string,
    @Args('file', { type: () => GraphQLUpload, description: 'The bundle file.' })
    file: unknown,
    @Args('source', {
      type: () => String,
      nullable: true,
      description: 'The system the records came from (default `bundle`).',
    })
    source: string | null,
  ): Promise<ImportReport> {
    return this.imports.importUpload(ctx, storeId, await fileOf(file), source ?? null);
  }

  @Requires('evidence:read')
  @Query(() => ImportRunConnection, {
    description: "A store's imports, newest first; NOT_FOUND for a store the caller cannot see.",
  })
  importRuns(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: ImportRunsArgs,
  ): Promise<ImportRunConnection> {
    return this.imports.listRuns(ctx, args.storeId, args);
  }
}
