import { applyPolicyOverrides, type Policy, PolicyValidationError } from '@candor/scoring';
import type { FieldError } from '@candor/shared-errors';

export const MAX_NOTE_LENGTH = 2000;
/** Far above any real policy (the default one is about 3 KB as JSON). */
export const MAX_OVERRIDES_JSON_LENGTH = 100_000;

/**
 * Every problem of an overrides document applied on `base`, with fields under `overrides.`.
 * `version` is refused: saved policies are named by their version numbers, and a free name could
 * make two different policies look the same in reports.
 */
export function overridesErrors(overrides: unknown, base: Policy): FieldError[] {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    return [{ field: 'overrides', message: 'must be a JSON object' }];
  }
  if (JSON.stringify(overrides).length > MAX_OVERRIDES_JSON_LENGTH) {
    return [
      {
        field: 'overrides',
        message: `must be at most ${MAX_OVERRIDES_JSON_LENGTH} characters as JSON`,
      },
    ];
  }
  const errors: FieldError[] = [];
  const { version, ...settings } = overrides as Record<string, unknown>;
  if (version !== undefined) {
    errors.push({
      field: 'overrides.version',
      message: 'is set by Candor from the saved versions (c<N>, s<M>, c<N>.s<M>); leave it out',
    });
  }
  try {
    applyPolicyOverrides(settings, base);
  } catch (e) {
    if (!(e instanceof PolicyValidationError)) throw e;
    for (const { field, reason } of e.errors) {
      errors.push({
        field: field === '(policy)' ? 'overrides' : `overrides.${field}`,
        message: reason,
      });
    }
  }
  return errors;
}

/** A note as stored: trimmed, empty → none. */
export function normalizeNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function noteErrors(note: string | null): FieldError[] {
  return note !== null && note.length > MAX_NOTE_LENGTH
    ? [{ field: 'note', message: `must be at most ${MAX_NOTE_LENGTH} characters` }]
    : [];
}
