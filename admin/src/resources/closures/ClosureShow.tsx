import { Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import { Labeled, NumberField, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { CalendarDateField, DateTimeField, EnumField, RegionField, YuanField } from '../../components/fields';
import { formatYuan } from '../../format';
import type { AccountClosureDetail } from '../../providers/dataProvider';
import { acceptAccountTransfer } from '../../providers/registry';
import { HeirPaymentDialog } from './HeirPaymentDialog';
import { ClosureFees } from '../charges/ClosureFees';

type ClosureRecord = AccountClosureDetail;

function Actions() {
  const r = useRecordContext<ClosureRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'accountClosures', action: 'review' });
  const [open, setOpen] = useState(false);
  if (!r || !canAccess) return <TopToolbar />;
  return (
    <TopToolbar>
      {r.state === 'PENDING_PAYMENT' && (
        <>
          <Button variant="contained" onClick={() => setOpen(true)}>
            {translate('gongji.closure.pay')}
          </Button>
          <HeirPaymentDialog key={r.pendingFen} closureId={r.id} pendingFen={r.pendingFen} open={open} onClose={() => setOpen(false)} />
        </>
      )}
      {r.state === 'AWAITING_ACCEPTANCE' && (
        <Button
          variant="contained"
          onClick={() =>
            acceptAccountTransfer(r.id, translate('gongji.closure.accept_reason'))
              .then(() => {
                notify('gongji.closure.done', { type: 'success' });
                refresh();
              })
              .catch((e: Error) => notify(e.message, { type: 'error' }))
          }
        >
          {translate('gongji.closure.accept')}
        </Button>
      )}
    </TopToolbar>
  );
}

function Documents() {
  const r = useRecordContext<ClosureRecord>();
  const translate = useTranslate();
  if (!r?.documents?.length) return null;
  return (
    <Labeled label={translate('resources.accountClosures.fields.documents')}>
      <ul style={{ margin: 0 }}>
        {r.documents.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </Labeled>
  );
}

function Payments() {
  const r = useRecordContext<ClosureRecord>();
  const translate = useTranslate();
  if (!r?.payments?.length) return null;
  return (
    <Labeled label={translate('resources.accountClosures.fields.payments')}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('gongji.closure.payee')}</TableCell>
            <TableCell>{translate('gongji.closure.bank_account')}</TableCell>
            <TableCell align="right">{translate('gongji.closure.amount')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {r.payments.map((p) => (
            <TableRow key={p.id}>
              <TableCell>{p.payeeName}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{p.bankAccount}</TableCell>
              <TableCell align="right">{formatYuan(p.amountFen)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

/** C1–C5: one closure or transfer, with the caseworker's decision (heirs' shares, acceptance). */
export function ClosureShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <NumberField source="memberId" />
        <EnumField source="cause" enumName="closureCause" />
        <EnumField source="state" enumName="closureState" chip />
        <YuanField source="pendingFen" />
        <YuanField source="closedBalanceFen" />
        <ClosureFees />
        <RegionField source="regionCode" />
        <RegionField source="fromRegion" />
        <CalendarDateField source="eventDate" />
        <Documents />
        <Payments />
        <TextField source="decisionReason" emptyText="" />
        <TextField source="decidedBy" emptyText="" />
        <DateTimeField source="decidedAt" />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
