import { CandorException, ErrorCode } from '@candor/shared-errors';

export class EvidenceException extends CandorException {
  static storeNotFound(): EvidenceException {
    return new EvidenceException(ErrorCode.NotFound, 'Store not found');
  }

  static noFile(): EvidenceException {
    const message = 'the upload holds no file';
    return new EvidenceException(ErrorCode.BadUserInput, `file: ${message}`, [
      { field: 'file', message },
    ]);
  }
}
