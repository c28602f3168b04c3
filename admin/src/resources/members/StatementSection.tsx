import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Chip, CircularProgress, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { DateField } from '../../components/DateInputs';
import { useEnumLabel } from '../../components/fields';
import { Muted } from '../../components/layout';
import { EMPTY, beijingToday, formatDateTime, formatYuan } from '../../format';
import { MAX_PER_PAGE, type GongjiDataProvider, type StatementLine } from '../../providers/dataProvider';

/** At most this many entries go on one printed statement (five API pages). */
const PRINT_LIMIT = 1000;

/** S11: the member's 账户明细, newest first, paged, optionally for Beijing days from…to; printing prints every entry of that period. */
export function StatementSection() {
  const record = useRecordContext<{ id: number; name?: string; account?: unknown }>();
  const translate = useTranslate();
  const label = useEnumLabel();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const [state, setState] = useState<{ data?: StatementLine[]; total?: number; error?: string }>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // While printing: every entry of the period (not just the page on screen).
  const [printRows, setPrintRows] = useState<{ rows: StatementLine[]; total: number } | null>(null);
  const [preparing, setPreparing] = useState(false);
  const memberId = record?.id;
  const hasAccount = !!record?.account;
  useEffect(() => {
    if (!memberId || !hasAccount) return;
    let cancelled = false;
    setState((s) => ({ ...s, error: undefined }));
    dataProvider.accountStatement(memberId, page + 1, perPage, { from, to }).then(
      ({ data, total }) => !cancelled && setState({ data, total }),
      (e: Error) => !cancelled && setState({ error: e.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [memberId, hasAccount, page, perPage, from, to, dataProvider]);

  useEffect(() => {
    if (!printRows) return;
    const done = () => setPrintRows(null);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printRows]);

  const print = async () => {
    if (!memberId) return;
    setPreparing(true);
    try {
      const rows: StatementLine[] = [];
      let total = 0;
      for (let p = 1; rows.length < PRINT_LIMIT; p++) {
        const r = await dataProvider.accountStatement(memberId, p, MAX_PER_PAGE, { from, to });
        total = r.total;
        rows.push(...r.data);
        if (r.data.length < MAX_PER_PAGE || rows.length >= total) break;
      }
      setPrintRows({ rows: rows.slice(0, PRINT_LIMIT), total });
    } catch (e) {
      setState((s) => ({ ...s, error: (e as Error).message }));
    } finally {
      setPreparing(false);
    }
  };

  if (!record) return null;
  if (!hasAccount) return <Muted text="gongji.member.no_account" />;
  const h = (k: string) => translate(`gongji.member.${k}`);
  const s = (k: string, args?: Record<string, unknown>) => translate(`gongji.screens.statement.${k}`, args);
  const setRange = (which: 'from' | 'to', v: string) => {
    (which === 'from' ? setFrom : setTo)(v);
    setPage(0);
  };
  const filter = (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }} data-noprint data-testid="statement-filter">
      <DateField label="gongji.screens.statement.from" value={from} onChange={(v) => setRange('from', v ?? '')} max={to || beijingToday()} testId="statement-from" />
      <DateField label="gongji.screens.statement.to" value={to} onChange={(v) => setRange('to', v ?? '')} min={from || undefined} max={beijingToday()} testId="statement-to" />
      {(from || to) && (
        <Button size="small" onClick={() => (setFrom(''), setTo(''), setPage(0))} data-testid="statement-clear">
          {s('clear')}
        </Button>
      )}
      <Box sx={{ flex: 1 }} />
      <Button size="small" startIcon={preparing ? <CircularProgress size={14} /> : <PrintIcon />} disabled={preparing || !state.total} onClick={() => void print()} data-testid="print-statement">
        {translate('gongji.member.print')}
      </Button>
    </Box>
  );
  if (state.error)
    return (
      <>
        {filter}
        <Alert severity="error">{state.error}</Alert>
      </>
    );
  if (!state.data) return <CircularProgress size={24} />;
  const period = from || to ? s('period', { from: from || EMPTY, to: to || EMPTY }) : s('all_time');
  if (!state.data.length)
    return (
      <>
        {filter}
        <Muted text="gongji.member.no_statement" />
      </>
    );
  const lines = printRows?.rows ?? state.data;
  return (
    <Box data-testid="statement">
      {filter}
      <Box sx={{ display: printRows ? 'block' : 'none', '@media print': { display: 'block' }, mb: 1 }} data-testid="statement-print-header">
        <Typography variant="body2">{s('printed_for', { name: record.name ?? '', id: record.id })}</Typography>
        <Typography variant="body2" data-testid="statement-period">
          {period}
        </Typography>
        <Typography variant="body2">{s('printed_at', { at: formatDateTime(new Date()) })}</Typography>
        {printRows && printRows.total > printRows.rows.length && <Typography variant="body2">{s('truncated', { count: printRows.rows.length })}</Typography>}
      </Box>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{h('st_at')}</TableCell>
            <TableCell>{h('st_cause')}</TableCell>
            <TableCell>{h('st_category')}</TableCell>
            <TableCell align="right">{h('st_amount')}</TableCell>
            <TableCell align="right">{h('st_balance')}</TableCell>
            <TableCell>{h('st_counterpart')}</TableCell>
            <TableCell>{h('st_institution')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={l.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.at)}</TableCell>
              <TableCell>{label('ledgerCause', l.cause)}</TableCell>
              <TableCell>{l.category ? label('category', l.category) : EMPTY}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', color: l.direction === 'CREDIT' ? 'success.main' : 'error.main', whiteSpace: 'nowrap' }}>
                {l.direction === 'CREDIT' ? '+' : '−'}
                {formatYuan(l.amountFen)}
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatYuan(l.balanceAfterFen)}
              </TableCell>
              <TableCell>{l.counterpart ? <Chip size="small" variant="outlined" label={l.counterpart} /> : EMPTY}</TableCell>
              <TableCell>{l.institutionName ?? EMPTY}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        data-noprint
        component="div"
        count={state.total ?? 0}
        page={page}
        rowsPerPage={perPage}
        rowsPerPageOptions={[10, 25, 50]}
        onPageChange={(_, p) => setPage(p)}
        onRowsPerPageChange={(e) => {
          setPerPage(Number(e.target.value));
          setPage(0);
        }}
        labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
        labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
      />
    </Box>
  );
}
