import { Controller, Headers, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@candor/platform-auth';
import { CandorException } from '@candor/shared-errors';
import { CONNECTORS_OPTIONS, type ConnectorsOptions } from '../connectors.options';
import type { IngestAnswer } from './ingest-answer';
import { IngestService } from './ingest.service';
import type { RawBodyRequest } from './raw-body.middleware';

function bearer(header: string | undefined): string {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
}

function bodyOf(req: RawBodyRequest): Buffer {
  if (!req.rawBody || req.rawBody.length === 0) {
    throw CandorException.invalidInput([{ field: 'body', message: 'is empty' }]);
  }
  return req.rawBody;
}

/** 422 when nothing in the payload could be used (it is archived all the same), else 200. */
async function answered(res: Response, work: Promise<IngestAnswer>): Promise<IngestAnswer> {
  const answer = await work;
  if (answer.accepted + answer.updated + answer.duplicate === 0 && answer.rejected > 0) {
    res.status(422);
  }
  return answer;
}

/**
 * Where sources push evidence. Authenticated by the store's ingest token, not a user: as
 * `Authorization: Bearer cit_…`, or in the path for senders (lead providers) that cannot set
 * headers. Answers with what was kept and every problem; never a 500 for bad input.
 */
@Controller('ingest')
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    @Inject(CONNECTORS_OPTIONS) private readonly options: ConnectorsOptions,
  ) {}

  @Public()
  @Post('adf')
  @HttpCode(200)
  adfWithHeader(
    @Req() req: RawBodyRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('authorization') auth: string | undefined,
  ): Promise<IngestAnswer> {
    return answered(
      res,
      this.ingest.ingestAdf(bearer(auth), bodyOf(req), req.headers['content-type'] ?? ''),
    );
  }

  @Public()
  @Post(':token/adf')
  @HttpCode(200)
  adf(
    @Req() req: RawBodyRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('token') token: string,
  ): Promise<IngestAnswer> {
    return answered(
      res,
      this.ingest.ingestAdf(token, bodyOf(req), req.headers['content-type'] ?? ''),
    );
  }

  @Public()
  @Post(':token/twilio/status')
  @HttpCode(200)
  twilioStatus(
    @Req() req: RawBodyRequest,
    @Param('token') token: string,
    @Headers('x-twilio-signature') signature: string | undefined,
  ): Promise<IngestAnswer> {
    const own = `${req.protocol}://${req.get('host') ?? ''}${req.originalUrl}`;
    // Behind a proxy Twilio signs the public URL it was given, not the one we see.
    const urls = [own, `${this.options.publicUrl.replace(/\/$/, '')}${req.originalUrl}`];
    return this.ingest.ingestTwilioStatus(token, bodyOf(req), urls, signature);
  }
}
