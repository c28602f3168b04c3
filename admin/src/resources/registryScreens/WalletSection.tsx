import { Alert, Box, Chip, CircularProgress, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../../components/fields';
import { Muted } from '../../components/layout';
import { EMPTY, formatDateTime, formatYuan } from '../../format';
import { fetchMemberWallet } from '../../providers/screens';
import { usePagedFetch } from '../../components/usePagedFetch';

const STATE_COLOR: Record<string, 'warning' | 'success' | 'default'> = { PENDING: 'warning', ACCEPTED: 'success' };

/** W3, staff view: the member's 医保钱包 balance and the transfers they sent or received (names masked by the API). */
export function WalletSection() {
  const record = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  const label = useEnumLabel();
  const memberId = record?.id;
  const { page, setPage, perPage, setPerPage, state, reload } = usePagedFetch(memberId, fetchMemberWallet);

  if (!record) return null;
  if (state.error)
    return (
      <Alert severity="error" action={<Chip label={translate('gongji.errors.retry')} onClick={() => reload()} />}>
        {state.error}
      </Alert>
    );
  if (!state.data) return <CircularProgress size={24} />;
  const { wallet, transfers } = state.data;
  const t = (k: string) => translate(`gongji.screens.wallet.${k}`);
  return (
    <Box data-testid="wallet-section">
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="wallet-balance">
        {wallet ? `${t('balance')}：${formatYuan(wallet.balanceFen)}` : t('no_wallet')}
      </Typography>
      {!transfers.total ? (
        <Muted text="gongji.screens.wallet.none" />
      ) : (
        <>
          <Table size="small" data-testid="wallet-transfers">
            <TableHead>
              <TableRow>
                <TableCell>{t('at')}</TableCell>
                <TableCell>{t('direction')}</TableCell>
                <TableCell>{t('sender')}</TableCell>
                <TableCell>{t('recipient')}</TableCell>
                <TableCell>{t('relationship')}</TableCell>
                <TableCell align="right">{t('amount')}</TableCell>
                <TableCell>{t('state')}</TableCell>
                <TableCell>{t('expires')}</TableCell>
                <TableCell>{t('decided')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {transfers.items.map((x) => {
                const sent = x.senderId === record.id;
                return (
                  <TableRow key={x.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(x.createdAt)}</TableCell>
                    <TableCell>{label('walletDirection', sent ? 'SENT' : 'RECEIVED')}</TableCell>
                    <TableCell>{x.senderName || EMPTY}</TableCell>
                    <TableCell>{x.recipientName || EMPTY}</TableCell>
                    <TableCell>{label('relationship', x.relationship)}</TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: sent ? 'error.main' : 'success.main' }}>
                      {sent ? '−' : '+'}
                      {formatYuan(x.amountFen)}
                    </TableCell>
                    <TableCell>
                      <Chip size="small" color={STATE_COLOR[x.state] ?? 'default'} label={label('walletTransferState', x.state)} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{x.state === 'PENDING' ? formatDateTime(x.expiresAt) : EMPTY}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{x.decidedAt ? formatDateTime(x.decidedAt) : EMPTY}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Typography variant="caption" color="text.secondary">
            {t('masked_note')}
          </Typography>
          <TablePagination
            data-noprint
            component="div"
            count={transfers.total}
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
        </>
      )}
    </Box>
  );
}
