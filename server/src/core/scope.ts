/** A1: region scope. Staff see and change only what lies inside their scope. */
import { provinceOf, regionInScope } from '@gongji/shared';
import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { RequestContext } from './context';
import { thrown } from './errors';

/** The staff scope of the request: undefined for non-staff, null for national, else a region code. */
export function staffScope(ctx: RequestContext): string | null | undefined {
  return ctx.principal?.kind === 'staff' ? ctx.principal.scope : undefined;
}

/** True when every region is visible (national staff, system jobs). */
export function isNational(ctx: RequestContext): boolean {
  const p = ctx.principal;
  return p?.kind === 'system' || (p?.kind === 'staff' && !p.scope);
}

/** Is any of these region codes inside the staff member's scope? (Non-staff callers: false.) */
export function inStaffScope(ctx: RequestContext, ...regionCodes: string[]): boolean {
  const p = ctx.principal;
  if (p?.kind === 'system') return true;
  if (p?.kind !== 'staff') return false;
  return regionCodes.some((c) => regionInScope(p.scope, c));
}

/** Throw OUT_OF_SCOPE unless one of the regions is in the staff member's scope. */
export function assertInScope(ctx: RequestContext, what: string, ...regionCodes: string[]): void {
  if (!inStaffScope(ctx, ...regionCodes)) throw thrown('OUT_OF_SCOPE', `${what} 不在您的管辖范围内 (outside your scope)`);
}

/**
 * Restrict a query to rows whose region column(s) fall in the staff scope.
 * `columns` are SQL expressions holding 6-digit pooling-region codes; a row matches when any does.
 * Province scopes compare the stored province column when given (index-friendly), else a prefix.
 */
export function applyScope<T extends ObjectLiteral>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<T>,
  regionColumns: string[],
  provinceColumns: string[] = [],
): SelectQueryBuilder<T> {
  const p = ctx.principal;
  if (p?.kind === 'system') return qb;
  if (p?.kind !== 'staff') return qb.andWhere('1 = 0');
  if (!p.scope) return qb;
  const param = `scope_${Math.random().toString(36).slice(2, 8)}`;
  const cols = p.scope.length === 2 && provinceColumns.length ? provinceColumns : regionColumns;
  const cond = cols.map((c) => (p.scope!.length === 2 && !provinceColumns.length ? `${c} LIKE :${param}` : `${c} = :${param}`));
  const value = p.scope.length === 2 && !provinceColumns.length ? `${p.scope}%` : p.scope;
  return qb.andWhere(`(${cond.join(' OR ')})`, { [param]: value });
}

export { provinceOf };

/** A pair of columns holding a row's 6-digit pooling region and its 2-digit province. */
export interface RegionColumns {
  region: string;
  province: string;
}

/**
 * The one place the 2- vs 6-digit rule becomes SQL: a province code (scope or filter) is compared with
 * the stored province column, a pooling-region code with the region column — both indexed equalities.
 */
export function regionColumn(cols: RegionColumns, code: string): string {
  return code.length === 2 ? cols.province : cols.region;
}
