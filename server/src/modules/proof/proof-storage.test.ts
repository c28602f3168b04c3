/** Proof storage: in the database by default (any API node serves any document), S3 by configuration. */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { ProofBlobChunk } from './proof-blob.entity';
import { DatabaseStorage, LocalDirectoryStorage, proofStorageFromEnv, S3Storage } from './proof-storage';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

describe('DatabaseStorage', () => {
  it('E9: stores a document in chunks and reads back the same bytes, in the request transaction', async () => {
    const storage = new DatabaseStorage();
    const content = randomBytes(DatabaseStorage.CHUNK_BYTES * 2 + 1234);
    const file = await t.run((ctx) => storage.put(content, '户口本.pdf', ctx.em));
    expect(file.sizeBytes).toBe(content.length);
    const chunks = await t.run((ctx) => ctx.em.countBy(ProofBlobChunk, { storageKey: file.key }));
    expect(chunks).toBe(3);
    expect((await t.run((ctx) => storage.get(file.key, ctx.em))).equals(content)).toBe(true);
  });

  it('E9: a rolled-back upload leaves no chunks behind; an empty document is one empty chunk', async () => {
    const storage = new DatabaseStorage();
    let key = '';
    await expect(
      t.run(async (ctx) => {
        key = (await storage.put(Buffer.from('abc'), 'x.pdf', ctx.em)).key;
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await t.run((ctx) => ctx.em.countBy(ProofBlobChunk, { storageKey: key }))).toBe(0);
    const empty = await t.run((ctx) => storage.put(Buffer.alloc(0), 'e.pdf', ctx.em));
    expect((await t.run((ctx) => storage.get(empty.key, ctx.em))).length).toBe(0);
  });

  it('is the harness default, so the proof upload/download tests run through it', () => {
    expect(t.deps.storage).toBeInstanceOf(DatabaseStorage);
  });
});

describe('proofStorageFromEnv', () => {
  it('defaults to the database, with the old local directory still readable; local when asked', () => {
    expect(proofStorageFromEnv({}, '/var/lib/gongji')).toBeInstanceOf(DatabaseStorage);
    expect(proofStorageFromEnv({ GONGJI_PROOF_STORAGE: 'local' }, '/var/lib/gongji')).toBeInstanceOf(LocalDirectoryStorage);
    expect(() => proofStorageFromEnv({ GONGJI_PROOF_STORAGE: 'ftp' }, '/x')).toThrow(/database, s3 or local/);
    expect(() => proofStorageFromEnv({ GONGJI_PROOF_STORAGE: 's3' }, '/x')).toThrow(/GONGJI_S3_BUCKET/);
  });

  it('S3: wires bucket, prefix, endpoint, region and path style from the environment (no network)', async () => {
    const s = proofStorageFromEnv(
      { GONGJI_PROOF_STORAGE: 's3', GONGJI_S3_BUCKET: 'proofs', GONGJI_S3_PREFIX: 'gongji', GONGJI_S3_ENDPOINT: 'http://127.0.0.1:9', GONGJI_S3_REGION: 'cn-north-1', GONGJI_S3_FORCE_PATH_STYLE: '1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' },
      '/x',
    ) as S3Storage;
    expect(s).toBeInstanceOf(S3Storage);
    expect(s.options.prefix).toBe('gongji/');
    expect(await s.client.config.region()).toBe('cn-north-1');
    expect(s.client.config.forcePathStyle).toBe(true);
    const endpoint = await s.client.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe('http://127.0.0.1:9');
  });

  it('S3: put sends PutObject (write-once, with its SHA-256) and get reads the object back', async () => {
    const sent: Array<{ method: string; path: string; headers: Record<string, string> }> = [];
    const objects = new Map<string, Buffer>();
    // The SDK's transport is replaced (its documented requestHandler option): requests arrive signed and serialized.
    const requestHandler = {
      handle: async (req: { method: string; path: string; headers: Record<string, string>; body: unknown }) => {
        sent.push({ method: req.method, path: req.path, headers: req.headers });
        if (req.method === 'PUT') objects.set(req.path, Buffer.from(req.body as Uint8Array));
        const body = req.method === 'GET' ? objects.get(req.path) : undefined;
        return { response: { statusCode: body || req.method === 'PUT' ? 200 : 404, headers: {}, body: Readable.from(body ? [body] : []) } };
      },
    };
    const s = new S3Storage({
      bucket: 'proofs',
      prefix: 'gongji/',
      client: { region: 'cn-north-1', endpoint: 'http://127.0.0.1:9', forcePathStyle: true, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, requestHandler: requestHandler as never },
    });
    const content = Buffer.from('%PDF-1.4 test');
    const file = await s.put(content, 'proof.PDF');
    expect(file.key).toMatch(/^\d{4}\/\d{2}\/\d{2}\/[0-9a-f-]{36}\.pdf$/);
    expect(sent[0]).toMatchObject({ method: 'PUT', path: `/proofs/gongji/${file.key}` });
    expect(sent[0].headers['if-none-match']).toBe('*');
    expect(sent[0].headers['x-amz-checksum-sha256']).toBe(Buffer.from(file.sha256, 'hex').toString('base64'));
    expect(sent[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/s3\//);
    expect((await s.get(file.key)).equals(content)).toBe(true);
    await expect(s.get('../etc/passwd')).rejects.toThrow('bad storage key');
  });
});
