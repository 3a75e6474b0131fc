import type { NextFunction, Request, Response } from 'express';
import { ADF_MAX_BYTES } from '@candor/connectors-adf';
import { EMAIL_MAX_BYTES } from '@candor/connectors-email';

/** The largest pushed payload read: a raw e-mail carrying an ADF attachment. */
export const INGEST_MAX_BYTES = Math.max(ADF_MAX_BYTES, EMAIL_MAX_BYTES);

export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

function tooLarge(res: Response, limit: number): void {
  res.status(413).json({
    error: {
      code: 'BAD_USER_INPUT',
      message: `Payload too large: the limit is ${limit} bytes`,
    },
  });
}

/**
 * Reads a pushed payload (XML, e-mail, form posts) as the exact bytes received, so it can be
 * archived verbatim and signatures can be checked over it; refuses anything over the limit with
 * a JSON 413 before buffering it.
 */
export function rawBody(limit = INGEST_MAX_BYTES) {
  return (req: RawBodyRequest, res: Response, next: NextFunction): void => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) {
      tooLarge(res, limit);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        tooLarge(res, limit);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      req.rawBody = Buffer.concat(chunks, size);
      next();
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      next(error);
    });
  };
}
