import HistoryIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import { AuditLogList } from './AuditLogList';

export const auditLogs: Omit<ResourceProps, 'name'> = {
  list: AuditLogList,
  icon: HistoryIcon,
  recordRepresentation: (r) => `#${r.id} ${r.action}`,
};
