function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for policy word lists. `exact`: the whole (trimmed, lower-cased) text equals an
 * entry or matches an entry written as /regex/; `words`: an entry occurs as whole words.
 */
export function textMatcher(
  entries: readonly string[],
  mode: 'exact' | 'words',
): (text: string) => boolean {
  const literals = new Set<string>();
  const sources: string[] = [];
  for (const entry of entries) {
    if (entry.length > 2 && entry.startsWith('/') && entry.endsWith('/')) {
      sources.push(`(?:${entry.slice(1, -1)})`);
    } else if (mode === 'exact') {
      literals.add(entry);
    } else if (entry.trim() !== '') {
      sources.push(`\\b${escape(entry.trim()).replace(/\s+/g, '\\s+')}\\b`);
    }
  }
  if (mode === 'exact') {
    const regex = sources.length > 0 ? new RegExp(`^(?:${sources.join('|')})$`, 'i') : null;
    return (text) => text === '' || literals.has(text) || (regex?.test(text) ?? false);
  }
  // One alternation of whole words and phrases: V8 runs it without allocating, faster than
  // splitting each note into words (measured on a store-year of notes).
  const regex = sources.length > 0 ? new RegExp(sources.join('|'), 'i') : null;
  return regex ? (text) => regex.test(text) : () => false;
}
