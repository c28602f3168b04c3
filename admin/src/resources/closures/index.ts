import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import type { ResourceProps } from 'react-admin';
import { ClosureList } from './ClosureList';
import { ClosureShow } from './ClosureShow';

/** C1–C5: account closures and transfers, the heirs' payment decision and transfer acceptance. */
export const accountClosures: Omit<ResourceProps, 'name'> = {
  list: ClosureList,
  show: ClosureShow,
  icon: AccountBalanceWalletIcon,
  recordRepresentation: (r) => `#${r.id}`,
};
