/** Entities the application's data source must register for this domain. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const EVIDENCE_ENTITIES: Function[] = [];
