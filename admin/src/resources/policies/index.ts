import PolicyIcon from '@mui/icons-material/Policy';
import type { ResourceProps } from 'react-admin';
import { PolicyCreate } from './PolicyCreate';
import { PolicyList } from './PolicyList';
import { PolicyShow } from './PolicyShow';

export const policies: Omit<ResourceProps, 'name'> = {
  list: PolicyList,
  create: PolicyCreate,
  show: PolicyShow,
  icon: PolicyIcon,
  recordRepresentation: (r) => `${r.provinceCode} v${r.version}`,
};
