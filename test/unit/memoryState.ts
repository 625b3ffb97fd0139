// A Memento in memory for the stores kept in VS Code's state (pins, expanded rows).
import type { MementoLike } from '../../src/model/memento';

/** A Memento in memory that copies values in and out, as VS Code's stores JSON. */
export class MemoryState implements MementoLike {
  readonly values = new Map<string, string>();

  get<T>(key: string): T | undefined {
    const text = this.values.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
  }
}
