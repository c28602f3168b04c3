/** Money is integer fen everywhere; these helpers only format and parse at the edges. */

export function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new Error(`not an integer amount of fen: ${fen}`);
}

/** 12345 → "123.45"; -5 → "-0.05". */
export function fenToYuanString(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1234567 → "¥12,345.67" (or "12,345.67" without the symbol). */
export function formatFen(fen: number, opts: { symbol?: boolean } = {}): string {
  const s = fenToYuanString(fen);
  const neg = s.startsWith('-');
  const [int, dec] = (neg ? s.slice(1) : s).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${opts.symbol === false ? '' : '¥'}${grouped}.${dec}`;
}

/** "123.4" → 12340. Rejects more than two decimals and anything that is not a plain number. */
export function yuanToFen(yuan: string | number): number {
  const s = String(yuan).trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new Error(`not a yuan amount: ${s}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new Error(`amount too large: ${s}`);
  return m[1] ? -fen : fen;
}
