import PolicyIcon from '@mui/icons-material/Policy';
import type { ResourceProps } from 'react-admin';
import { PolicyList } from './PolicyList';
import { PolicyShow } from './PolicyShow';

export const policies: Omit<ResourceProps, 'name'> = {
  list: PolicyList,
  show: PolicyShow,
  icon: PolicyIcon,
  recordRepresentation: (r) => `${r.provinceCode} v${r.version}`,
};
