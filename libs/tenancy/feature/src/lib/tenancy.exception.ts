import { CandorException, ErrorCode } from '@candor/shared-errors';

export class TenancyException extends CandorException {
  static storeNotFound(): TenancyException {
    return new TenancyException(ErrorCode.NotFound, 'Store not found');
  }

  static duplicateExternalId(externalId: string): TenancyException {
    const message = `a store with externalId "${externalId}" already exists`;
    return new TenancyException(ErrorCode.Conflict, `input.externalId: ${message}`, [
      { field: 'input.externalId', message },
    ]);
  }
}
