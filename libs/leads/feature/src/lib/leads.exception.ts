import { CandorException, ErrorCode } from '@candor/shared-errors';

export class LeadsException extends CandorException {
  /** Another tenant's lead, an invisible store and an agent's colleague's lead all look alike. */
  static leadNotFound(): LeadsException {
    return new LeadsException(ErrorCode.NotFound, 'Lead not found');
  }

  static storeNotFound(): LeadsException {
    return new LeadsException(ErrorCode.NotFound, 'Store not found');
  }
}
