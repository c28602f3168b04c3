import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ResourceProps } from 'react-admin';
import { ProofList } from './ProofList';

export const proofs: Omit<ResourceProps, 'name'> = {
  list: ProofList,
  icon: AssignmentIcon,
  recordRepresentation: (r) => `#${r.id} ${r.fileName ?? ''}`,
};
