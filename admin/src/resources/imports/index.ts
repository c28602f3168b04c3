import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ResourceProps } from 'react-admin';
import { ImportCreate } from './ImportCreate';
import { ImportList } from './ImportList';
import { ImportShow } from './ImportShow';

/** R1/R2: registry imports (upload, dry-run report, progress). */
export const importJobs: Omit<ResourceProps, 'name'> = {
  list: ImportList,
  create: ImportCreate,
  show: ImportShow,
  icon: UploadFileIcon,
  recordRepresentation: (r) => `#${r.id} ${r.fileName}`,
};
