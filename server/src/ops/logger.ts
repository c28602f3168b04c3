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
  process.once('exit', () => {
    try {
      dest.flushSync();
    } catch {
      /* already closed */
    }
  });
  return dest;
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
