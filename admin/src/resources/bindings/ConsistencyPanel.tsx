import { Alert, AlertTitle, Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { BindingDetail } from '../../providers/dataProvider';

type Consistency = NonNullable<BindingDetail['consistency']>;

/**
 * E5: does the stated relationship fit both people's ID data (sex, ages)? The server computes the
 * facts (the same pure check from @gongji/shared); the dashboard never sees full birth dates (A5).
 */
export function ConsistencyPanel() {
  const record = useRecordContext<{ consistency?: Consistency | null }>();
  const translate = useTranslate();
  const facts = record?.consistency;
  if (!facts) return null;
  const ages = translate('gongji.binding.ages', { giverAge: facts.giverAge, beneficiaryAge: facts.beneficiaryAge });
  if (!facts.problems.length)
    return (
      <Alert severity="success" variant="outlined">
        {translate('gongji.binding.consistent')}（{ages}）
      </Alert>
    );
  return (
    <Alert severity="warning">
      <AlertTitle>{ages}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {facts.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </Box>
    </Alert>
  );
}
