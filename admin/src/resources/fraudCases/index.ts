import ReportIcon from '@mui/icons-material/Report';
import type { ResourceProps } from 'react-admin';
import { FraudCaseList } from './FraudCaseList';
import { FraudCaseShow } from './FraudCaseShow';

export const fraudCases: Omit<ResourceProps, 'name'> = {
  list: FraudCaseList,
  show: FraudCaseShow,
  icon: ReportIcon,
  recordRepresentation: (r) => `#${r.id}`,
};
