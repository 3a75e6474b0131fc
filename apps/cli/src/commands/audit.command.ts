import { CommandError } from '../support/cli-error';

export const AUDIT_USAGE = 'candor audit (not available yet)';

export function auditCommand(_args: string[]): Promise<number> {
  return Promise.reject(new CommandError('candor audit is not available yet'));
}
