import InsightsIcon from '@mui/icons-material/Insights';
import { Button } from '@mui/material';
import { LinkBase, useCanAccess, useRecordContext, useTranslate } from 'react-admin';

/** On a member page: open the member's risk profile (fraud analysts and auditors). */
export function RiskProfileButton() {
  const record = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'fraudCases', action: 'list' });
  if (!record || !canAccess) return null;
  return (
    <Button size="small" startIcon={<InsightsIcon />} component={LinkBase} to={`/risk-profile/${record.id}`} data-testid="risk-profile-link">
      {translate('gongji.fraud.risk_profile')}
    </Button>
  );
}
