import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { flushAtExit } from './logger';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-log-exit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A FIFO with a writer and (for now) a reader: closing the reader breaks the pipe, as a dead log collector does. */
function pipe(name: string) {
  const fifo = path.join(dir, name);
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const writer = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  return { reader, writer };
}

/**
 * Run `fn` with fs.writeSync counted: past `limit` calls the process exits with a failure, so a flush
 * that retries forever (sonic-boom's own flushSync on a broken pipe: synchronous, which no test
 * timeout can interrupt) fails this file instead of hanging it.
 */
function withWriteLimit(limit: number, fn: () => void) {
  const real = fs.writeSync;
  let calls = 0;
  (fs as { writeSync: typeof fs.writeSync }).writeSync = ((...a: unknown[]) => {
    if (++calls > limit) {
      console.error(`fs.writeSync called ${calls} times: the exit flush does not give up`);
      process.kill(process.pid, 'SIGKILL'); // not process.exit, which the test runner turns into a throw (caught by the loop)
    }
    return (real as (...x: unknown[]) => number)(...a);
  }) as typeof fs.writeSync;
  try {
    fn();
  } finally {
    (fs as { writeSync: typeof fs.writeSync }).writeSync = real;
  }
  return calls;
}

describe('the log at exit', () => {
  it('a process whose log collector has gone (broken pipe) still exits: the exit flush gives up', () => {
    const { reader, writer } = pipe('broken');
    const dest = pino.destination({ fd: writer, sync: false, minLength: 4096 });
    dest.write('{"msg":"buffered, not yet written"}\n');
    fs.closeSync(reader); // the collector is gone: every write now fails with EPIPE
    const writeSync = fs.writeSync;
    const t0 = Date.now();
    const calls = withWriteLimit(30, () => flushAtExit(dest)); // sonic-boom's own flushSync would retry this forever
    expect(calls).toBeLessThanOrEqual(10);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(fs.writeSync).toBe(writeSync); // fs is as it was
  });

  it('a collector that stopped reading (pipe full) does not hold the exit either', () => {
    const { reader, writer } = pipe('full');
    const dest = pino.destination({ fd: writer, sync: false, minLength: 4096 });
    const line = `${JSON.stringify({ msg: 'x'.repeat(1000) })}\n`;
    for (let i = 0; i < 200; i++) dest.write(line); // 200 KB: more than a pipe holds
    const t0 = Date.now();
    withWriteLimit(30, () => flushAtExit(dest));
    expect(Date.now() - t0).toBeLessThan(3_000);
    fs.closeSync(reader);
  });

  it('a healthy destination gets every line', () => {
    const file = path.join(dir, 'ok.log');
    const fd = fs.openSync(file, 'w');
    const dest = pino.destination({ fd, sync: false, minLength: 4096 });
    dest.write('{"msg":"one"}\n');
    dest.write('{"msg":"two"}\n');
    flushAtExit(dest);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"msg":"one"}\n{"msg":"two"}\n');
  });
});
