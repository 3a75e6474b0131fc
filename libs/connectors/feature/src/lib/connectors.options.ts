export const CONNECTORS_OPTIONS = Symbol('CONNECTORS_OPTIONS');

export interface ConnectorsOptions {
  /** Base64 of the 32-byte key that seals connector credentials; unset: none can be stored. */
  secretsKey: string | undefined;
  /** Where the API is reached from outside (webhook signatures are made over it). */
  publicUrl: string;
  /** The app role's database URL, for queueing syncs (the queue schema is the worker's). */
  databaseUrl?: string;
}
