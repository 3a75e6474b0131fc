import { CommandError } from '../support/cli-error';

export const CONVERT_USAGE = 'candor convert (not available yet)';

export function convertCommand(_args: string[]): Promise<number> {
  return Promise.reject(new CommandError('candor convert is not available yet'));
}
