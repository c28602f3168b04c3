import { requireStaff, type RequestContext } from '../../core/context';
import { paginate, type ListArgs } from '../../core/pagination';
import { BatchRun } from './batch.entity';

export function listBatchRuns(ctx: RequestContext, args: ListArgs) {
  requireStaff(ctx);
  return paginate(ctx.em.createQueryBuilder(BatchRun, 'r'), { ...args, sortOrder: args.sortField ? args.sortOrder : 'DESC' }, { id: 'r.id', startedAt: 'r.startedAt' }, 'id');
}
