import LinkIcon from '@mui/icons-material/Link';
import type { ResourceProps } from 'react-admin';
import { BindingList } from './BindingList';
import { BindingShow } from './BindingShow';

export const bindings: Omit<ResourceProps, 'name'> = {
  list: BindingList,
  show: BindingShow,
  icon: LinkIcon,
  recordRepresentation: (r) => `#${r.id}`,
};
