import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  key: string;
  sizeBytes: number;
  sha256: string;
}

/** Where proof documents live. The default keeps them in a local directory; a bureau may plug in object storage. */
export interface ProofStorage {
  put(content: Buffer, fileName: string): Promise<StoredFile>;
  get(key: string): Promise<Buffer>;
}

export class LocalDirectoryStorage implements ProofStorage {
  constructor(private readonly dir: string) {}

  async put(content: Buffer, fileName: string): Promise<StoredFile> {
    const ext = path.extname(fileName).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 8);
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
    const key = `${day}/${randomUUID()}${ext}`;
    const full = path.join(this.dir, key);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content, { flag: 'wx' });
    return { key, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
  }

  async get(key: string): Promise<Buffer> {
    if (key.includes('..') || path.isAbsolute(key)) throw new Error('bad storage key');
    return readFile(path.join(this.dir, key));
  }
}

/** For tests: nothing touches the disk. */
export class MemoryStorage implements ProofStorage {
  private readonly files = new Map<string, Buffer>();

  async put(content: Buffer): Promise<StoredFile> {
    const key = randomUUID();
    this.files.set(key, Buffer.from(content));
    return { key, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
  }

  async get(key: string): Promise<Buffer> {
    const f = this.files.get(key);
    if (!f) throw new Error(`no file ${key}`);
    return f;
  }
}
