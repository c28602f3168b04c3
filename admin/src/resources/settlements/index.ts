import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceProps } from 'react-admin';
import { SettlementList } from './SettlementList';
import { SettlementShow } from './SettlementShow';

export const settlements: Omit<ResourceProps, 'name'> = {
  list: SettlementList,
  show: SettlementShow,
  icon: ReceiptLongIcon,
  recordRepresentation: (r) => `#${r.id} ${r.serialNo ?? ''}`,
};
