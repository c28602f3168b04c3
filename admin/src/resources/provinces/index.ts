import MapIcon from '@mui/icons-material/Map';
import type { ResourceProps } from 'react-admin';
import { ProvinceList } from './ProvinceList';
import { ProvincePolicyShow } from './ProvincePolicyShow';

export const provinces: Omit<ResourceProps, 'name'> = {
  list: ProvinceList,
  show: ProvincePolicyShow,
  icon: MapIcon,
  recordRepresentation: 'name',
};
