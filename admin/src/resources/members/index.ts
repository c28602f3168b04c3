import PeopleIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';
import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';

export const members: Omit<ResourceProps, 'name'> = {
  list: MemberList,
  show: MemberShow,
  icon: PeopleIcon,
  // Masked name as the API sends it, e.g. "张*（#12）".
  recordRepresentation: (r) => `${r.name ?? ''}（#${r.id}）`,
};
