import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import type { ResourceProps } from 'react-admin';
import { InstitutionList } from './InstitutionList';

export const institutions: Omit<ResourceProps, 'name'> = {
  list: InstitutionList,
  icon: LocalHospitalIcon,
  recordRepresentation: (r) => `${r.name}（${r.code}）`,
};
