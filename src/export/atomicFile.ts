// A file that appears only when complete: written to a temporary file next to the target, renamed onto it at
// the end, and removed when the export is cancelled or fails, so no half file is ever left behind.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export class AtomicFile {
  private constructor(
    readonly target: string,
    readonly temporary: string,
    private readonly handle: fs.FileHandle,
  ) {}

  /** Creates the temporary file; throws (with the OS's code, e.g. ENOENT, EACCES) when the folder is not writable. */
  static async create(target: string): Promise<AtomicFile> {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
    const handle = await fs.open(temporary, 'wx');
    return new AtomicFile(target, temporary, handle);
  }

  async write(text: string): Promise<void> {
    if (text.length > 0) await this.handle.write(text, null, 'utf8');
  }

  /** Flushes, closes and renames onto the target (replacing it). */
  async commit(): Promise<void> {
    try {
      await this.handle.sync();
      await this.handle.close();
      await fs.rename(this.temporary, this.target);
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  /** Closes and removes the temporary file; the target is left as it was. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await fs.rm(this.temporary, { force: true });
  }
}
