import { GetObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { ProofBlobChunk } from './proof-blob.entity';

export interface StoredFile {
  key: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Where proof documents live. Default: in the database (any API node serves any document); or an
 * S3-compatible object store; or a local directory (one node, or a shared volume). `em` is the
 * request's transaction, which the database storage writes and reads through.
 */
export interface ProofStorage {
  put(content: Buffer, fileName: string, em?: EntityManager): Promise<StoredFile>;
  get(key: string, em?: EntityManager): Promise<Buffer>;
}

function stored(key: string, content: Buffer): StoredFile {
  return { key, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

/** In the database, table proof_blob_chunk, in the same transaction as the proof row. */
export class DatabaseStorage implements ProofStorage {
  static readonly CHUNK_BYTES = 60_000;

  /** `legacy` serves keys written before this storage existed (a local directory's). */
  constructor(private readonly legacy: ProofStorage | null = null) {}

  async put(content: Buffer, _fileName: string, em?: EntityManager): Promise<StoredFile> {
    if (!em) throw new Error('DatabaseStorage.put needs the transaction');
    const key = `db:${randomUUID()}`;
    const chunks: ProofBlobChunk[] = [];
    for (let seq = 0, at = 0; at < content.length || seq === 0; seq++, at += DatabaseStorage.CHUNK_BYTES)
      chunks.push(em.create(ProofBlobChunk, { storageKey: key, seq, data: content.subarray(at, at + DatabaseStorage.CHUNK_BYTES) }));
    for (const c of chunks) await em.insert(ProofBlobChunk, c);
    return stored(key, content);
  }

  async get(key: string, em?: EntityManager): Promise<Buffer> {
    if (!key.startsWith('db:') && this.legacy) return this.legacy.get(key);
    if (!em) throw new Error('DatabaseStorage.get needs the transaction');
    const chunks = await em.find(ProofBlobChunk, { where: { storageKey: key }, order: { seq: 'ASC' } });
    if (chunks.length === 0) throw new Error(`no stored document ${key}`);
    return Buffer.concat(chunks.map((c) => Buffer.from(c.data)));
  }
}

export interface S3StorageOptions {
  bucket: string;
  /** Key prefix inside the bucket, e.g. "gongji/proofs/". */
  prefix: string;
  client: S3ClientConfig;
}

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph RGW, most cloud object stores) through AWS SDK
 * v3. Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a
 * profile, or an instance role). Objects are written once under a random key, with their SHA-256.
 */
export class S3Storage implements ProofStorage {
  readonly client: S3Client;

  constructor(readonly options: S3StorageOptions) {
    this.client = new S3Client(options.client);
  }

  async put(content: Buffer, fileName: string): Promise<StoredFile> {
    const ext = path.extname(fileName).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 8);
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
    const key = `${day}/${randomUUID()}${ext}`;
    const file = stored(key, content);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.options.prefix + key,
        Body: content,
        ContentLength: content.length,
        ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
        IfNoneMatch: '*',
      }),
    );
    return file;
  }

  async get(key: string): Promise<Buffer> {
    if (key.includes('..')) throw new Error('bad storage key');
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.options.prefix + key }));
    if (!res.Body) throw new Error(`no stored document ${key}`);
    return Buffer.from(await res.Body.transformToByteArray());
  }
}

/**
 * The storage the configuration names: GONGJI_PROOF_STORAGE = database (default) | s3 | local.
 * s3: GONGJI_S3_BUCKET (required), GONGJI_S3_PREFIX, GONGJI_S3_REGION (or AWS_REGION),
 * GONGJI_S3_ENDPOINT (for a non-AWS store), GONGJI_S3_FORCE_PATH_STYLE=1 (MinIO and the like).
 * local: GONGJI_PROOF_DIR (default $GONGJI_DATA_DIR/proofs).
 */
export function proofStorageFromEnv(env: NodeJS.ProcessEnv, dataDir: string): ProofStorage {
  const kind = (env.GONGJI_PROOF_STORAGE ?? 'database').trim().toLowerCase();
  if (kind === 'database') return new DatabaseStorage(new LocalDirectoryStorage(path.resolve(env.GONGJI_PROOF_DIR ?? path.join(dataDir, 'proofs'))));
  if (kind === 'local') return new LocalDirectoryStorage(path.resolve(env.GONGJI_PROOF_DIR ?? path.join(dataDir, 'proofs')));
  if (kind === 's3') {
    const bucket = env.GONGJI_S3_BUCKET?.trim();
    if (!bucket) throw new Error('GONGJI_PROOF_STORAGE=s3 needs GONGJI_S3_BUCKET');
    const prefix = (env.GONGJI_S3_PREFIX ?? '').replace(/^\/+/, '');
    return new S3Storage({
      bucket,
      prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
      client: {
        region: env.GONGJI_S3_REGION ?? env.AWS_REGION ?? 'us-east-1',
        ...(env.GONGJI_S3_ENDPOINT ? { endpoint: env.GONGJI_S3_ENDPOINT } : {}),
        forcePathStyle: env.GONGJI_S3_FORCE_PATH_STYLE === '1' || env.GONGJI_S3_FORCE_PATH_STYLE === 'true',
      },
    });
  }
  throw new Error(`GONGJI_PROOF_STORAGE must be database, s3 or local (got ${kind})`);
}

/** In a local directory: for one node (or a volume every node mounts). */
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
