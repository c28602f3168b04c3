import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Chip, CircularProgress, Table, TableBody, TableCell, TableHead, TablePagination, TableRow } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../../components/fields';
import { Muted } from '../../components/layout';
import { EMPTY, formatDateTime, formatYuan } from '../../format';
import type { GongjiDataProvider, StatementLine } from '../../providers/dataProvider';

/** S11: the member's 账户明细, newest first, paged. */
export function StatementSection() {
  const record = useRecordContext<{ id: number; account?: unknown }>();
  const translate = useTranslate();
  const label = useEnumLabel();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const [state, setState] = useState<{ data?: StatementLine[]; total?: number; error?: string }>({});
  const memberId = record?.id;
  const hasAccount = !!record?.account;
  useEffect(() => {
    if (!memberId || !hasAccount) return;
    let cancelled = false;
    setState((s) => ({ ...s, error: undefined }));
    dataProvider.accountStatement(memberId, page + 1, perPage).then(
      ({ data, total }) => !cancelled && setState({ data, total }),
      (e: Error) => !cancelled && setState({ error: e.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [memberId, hasAccount, page, perPage, dataProvider]);

  if (!record) return null;
  if (!hasAccount) return <Muted text="gongji.member.no_account" />;
  if (state.error) return <Alert severity="error">{state.error}</Alert>;
  if (!state.data) return <CircularProgress size={24} />;
  if (!state.data.length) return <Muted text="gongji.member.no_statement" />;
  const h = (k: string) => translate(`gongji.member.${k}`);
  return (
    <Box data-testid="statement">
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }} data-noprint>
        <Button size="small" startIcon={<PrintIcon />} onClick={() => window.print()} data-testid="print-statement">
          {translate('gongji.member.print')}
        </Button>
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
          {state.data.map((l) => (
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
