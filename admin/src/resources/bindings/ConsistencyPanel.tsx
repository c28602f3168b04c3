import { relationshipConsistency, type RelationshipKind, type Sex } from '@gongji/shared';
import { Alert, AlertTitle, Box } from '@mui/material';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { beijingToday } from '../../format';

interface Person {
  id: number;
  sex: Sex;
  birthDate: string;
}

/**
 * E5: does the stated relationship fit both people's ID data (sex, birth date)? Uses the same
 * pure check as the server (@gongji/shared), on the non-sensitive fields the API sends unmasked.
 */
export function ConsistencyPanel() {
  const record = useRecordContext<{ relationship: RelationshipKind; giverId: number; beneficiaryId: number }>();
  const translate = useTranslate();
  const giver = useGetOne<Person>('members', { id: record?.giverId ?? 0 }, { enabled: !!record?.giverId });
  const beneficiary = useGetOne<Person>('members', { id: record?.beneficiaryId ?? 0 }, { enabled: !!record?.beneficiaryId });
  if (!record || !giver.data || !beneficiary.data) return null;
  const facts = relationshipConsistency(record.relationship, giver.data, beneficiary.data, beijingToday());
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
