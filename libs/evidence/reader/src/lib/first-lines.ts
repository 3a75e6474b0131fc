/** Slot layout: the id's hash, its first line (0: the slot is free), its offset in the arena. */
const STRIDE = 3;
const INITIAL_SLOTS = 1 << 10;

/** FNV-1a over the id's UTF-16 code units: cheap for short ids, and spreads sequential ones. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * The first line of every id seen, exactly: an open-addressing hash table in typed arrays, the
 * ids' code units copied into one growing arena. A bundle line's id is checked here once; a
 * store's bundle holds ~1M ids. A Map of the id strings did the same with two lookups per
 * line, and kept every id as a string that the garbage collector copied out of the young
 * generation and marked again at every major collection (bench:ingest: ~1.3 s of a 1M-line
 * import's CPU, against ~0.3 s for this). Equal hashes are told apart by comparing the ids
 * themselves, so two ids are never confused.
 */
export class FirstLines {
  private slots = new Int32Array(INITIAL_SLOTS * STRIDE);
  private mask = INITIAL_SLOTS - 1;
  /** Per id: its length, then its code units. */
  private arena = new Uint16Array(1 << 12);
  private used = 0;
  size = 0;

  /** The line `id` was first seen on, or 0 when it is new (`line` is then recorded as its first). */
  firstLineOrAdd(id: string, line: number): number {
    const hash = idHash(id);
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * STRIDE;
      const first = slots[at + 1]!;
      if (first === 0) break;
      if (slots[at] === hash && this.equals(slots[at + 2]!, id)) return first;
      slot = (slot + 1) & this.mask;
    }
    const offset = this.store(id);
    const at = slot * STRIDE;
    slots[at] = hash;
    slots[at + 1] = line;
    slots[at + 2] = offset;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return 0;
  }

  private equals(offset: number, id: string): boolean {
    const arena = this.arena;
    if (arena[offset] !== id.length) return false;
    for (let i = 0; i < id.length; i++)
      if (arena[offset + 1 + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private store(id: string): number {
    // Ids are at most FIELD_LIMITS.id (200) code units, so a length fits one unit.
    if (id.length > 0xffff) throw new RangeError('id longer than 65,535 code units');
    const need = this.used + 1 + id.length;
    if (need > this.arena.length) {
      const bigger = new Uint16Array(Math.max(need, this.arena.length * 2));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    const offset = this.used;
    const arena = this.arena;
    arena[offset] = id.length;
    for (let i = 0; i < id.length; i++) arena[offset + 1 + i] = id.charCodeAt(i);
    this.used = need;
    return offset;
  }

  private grow(): void {
    const old = this.slots;
    const count = (this.mask + 1) * 2;
    const slots = new Int32Array(count * STRIDE);
    const mask = count - 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 1] === 0) continue;
      let slot = old[at]! & mask;
      while (slots[slot * STRIDE + 1] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + STRIDE), slot * STRIDE);
    }
    this.slots = slots;
    this.mask = mask;
  }
}
