import MapIcon from '@mui/icons-material/Map';
import type { ResourceProps } from 'react-admin';
import { ProvinceList } from './ProvinceList';

export const provinces: Omit<ResourceProps, 'name'> = {
  list: ProvinceList,
  icon: MapIcon,
  recordRepresentation: 'name',
};
