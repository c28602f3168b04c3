import BadgeIcon from '@mui/icons-material/Badge';
import type { ResourceProps } from 'react-admin';
import { StaffUserList } from './StaffUserList';

export const staffUsers: Omit<ResourceProps, 'name'> = {
  list: StaffUserList,
  icon: BadgeIcon,
  recordRepresentation: (r) => `${r.displayName}（${r.username}）`,
};
