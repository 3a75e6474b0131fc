import { CommandError } from '../support/cli-error';

export const IMPORT_USAGE = 'candor import (not available yet)';

export function importCommand(_args: string[]): Promise<number> {
  return Promise.reject(new CommandError('candor import is not available yet'));
}
