/** For tests: a Storage over a Map, as the browser's (key order, string values). */
import type { DraftStorage } from './keptDrafts';

export class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  /** When set, every write throws as a full or disabled storage does. */
  refuseWrites = false;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.refuseWrites) throw new DOMException('QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
