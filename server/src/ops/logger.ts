import fs from 'node:fs';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * 18-character resident ID numbers (GB 11643) anywhere in a log line keep their region prefix and
 * check digits only. Applied to every serialized line, so an error message or a driver error that
 * quotes a parameter ("Duplicate entry '4403…' for key …") cannot leak one either.
 */
const ID_NUMBER = /(?<![0-9])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;

export function maskIdNumbers(line: string): string {
  return line.replace(ID_NUMBER, '$1********$2');
}

function maskingStream(out: DestinationStream | NodeJS.WritableStream): DestinationStream {
  return { write: (line: string) => void out.write(maskIdNumbers(line)) };
}

/** Under Vitest the request log is silent unless GONGJI_LOG_LEVEL asks for it. */
function defaultLevel(): string {
  return process.env.GONGJI_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
}

/** A JSON-lines logger (pino) whose output never contains an unmasked ID number. */
export function createLogger(out: DestinationStream | NodeJS.WritableStream = process.stdout, level = defaultLevel()): Logger {
  return pino(
    {
      level,
      base: { service: 'gongji', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Belt and braces: fields that would carry personal data or secrets are dropped by name.
      redact: { paths: ['idNumber', 'password', 'secret', 'token', 'authorization', '*.idNumber', '*.password', '*.authorization'], remove: true },
    },
    maskingStream(out),
  );
}

/**
 * The process's own output: pino's asynchronous destination on stdout, buffered up to 4 KB and
 * flushed at least every second and on exit, so that a request's log line is not a write(2) of its
 * own on the request path. GONGJI_LOG_SYNC=1 writes every line at once (debugging).
 */
function stdoutDestination(): DestinationStream | NodeJS.WritableStream {
  if (process.env.VITEST || process.env.GONGJI_LOG_SYNC === '1') return process.stdout;
  const dest = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => {
    try {
      dest.flush();
    } catch {
      /* not ready yet (opening) or already closed */
    }
  }, 1000).unref();
  process.once('exit', () => flushAtExit(dest));
  return dest;
}

/** How long the exit flush keeps trying a destination that will not take its lines. */
const EXIT_FLUSH_ATTEMPTS = 10;

/**
 * Write out what the asynchronous destination still holds, synchronously (the process is exiting), but
 * give up after a few tries: sonic-boom's flushSync retries a write that fails with anything but
 * EAGAIN (a broken pipe: the log collector has gone) forever, and one that fails with EAGAIN (a
 * reader that stopped reading) for as long as `retryEAGAIN` says — either would keep the process
 * from ever exiting, even on SIGTERM. Here any failure counts as EAGAIN, and after
 * EXIT_FLUSH_ATTEMPTS tries (100 ms apart) the rest of the buffer is dropped.
 */
export function flushAtExit(dest: DestinationStream): void {
  const boom = dest as DestinationStream & { flushSync?: () => void; retryEAGAIN?: (...a: unknown[]) => boolean };
  if (typeof boom.flushSync !== 'function') return;
  const realWriteSync = fs.writeSync;
  let failures = 0;
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    try {
      return (realWriteSync as (...a: unknown[]) => number)(...args);
    } catch (e) {
      failures++;
      throw Object.assign(new Error(`log flush at exit: ${(e as NodeJS.ErrnoException).code ?? e}`), { code: 'EAGAIN' });
    }
  }) as typeof fs.writeSync;
  const retry = boom.retryEAGAIN;
  boom.retryEAGAIN = () => failures < EXIT_FLUSH_ATTEMPTS;
  (fs as { writeSync: typeof fs.writeSync }).writeSync = writeSync;
  try {
    boom.flushSync();
  } catch {
    /* gave up, not ready, or already closed: the process exits anyway */
  } finally {
    (fs as { writeSync: typeof fs.writeSync }).writeSync = realWriteSync;
    boom.retryEAGAIN = retry;
  }
}

let root: Logger = createLogger(stdoutDestination());

/** The process's logger. */
export function log(): Logger {
  return root;
}

/** Replace the process logger (tests capture the output; returns the previous one). */
export function useLogger(logger: Logger): Logger {
  const prev = root;
  root = logger;
  return prev;
}
