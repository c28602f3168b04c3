import { Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Labeled, useRecordContext, useTranslate } from 'react-admin';
import { formatYuan } from '../../format';
import { fetchClosureFees } from './charges';

/** C1 on the closure page: the fees settled first, and what the balance could not cover. */
export function ClosureFees() {
  const r = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  const [fees, setFees] = useState<{ feesPaidFen: number; feeShortfallFen: number } | null>(null);
  const id = r?.id;
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    fetchClosureFees(id).then(
      (c) => !cancelled && setFees(c ?? null),
      () => !cancelled && setFees(null),
    );
    return () => {
      cancelled = true;
    };
  }, [id]);
  if (!fees || (!fees.feesPaidFen && !fees.feeShortfallFen)) return null;
  return (
    <Labeled label={translate('gongji.charges.title')}>
      <Typography variant="body2" data-testid="closure-fees">
        {`${translate('gongji.charges.fees_paid')}：${formatYuan(fees.feesPaidFen)}`}
        {fees.feeShortfallFen > 0 && (
          <Typography component="span" variant="body2" color="error" sx={{ ml: 2 }}>
            {`${translate('gongji.charges.fee_shortfall')}：${formatYuan(fees.feeShortfallFen)}`}
          </Typography>
        )}
      </Typography>
    </Labeled>
  );
}
