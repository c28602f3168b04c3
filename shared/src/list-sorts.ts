/**
 * The sort fields each staff list offers (issue 10). Every one is read in index order, the key as
 * tie-break in the same direction, so sorting costs the page and never a sort of the table: the
 * server's list specs must offer exactly these (checked when it compiles), its EXPLAIN test reads each
 * one on MariaDB, and the dashboard lets staff sort by these columns only (admin test).
 *
 * A sort left out is one no index serves: on 10 million settlements, sorting by an amount took 15 s
 * and held a database thread the whole time. Filters narrow a list; sort what an index orders.
 */
export const LIST_SORTS = {
  members: ['id', 'scheme', 'status', 'insuredRegion'],
  institutions: ['id', 'code', 'name', 'regionCode', 'createdAt'],
  bindings: ['id', 'createdAt'],
  settlements: ['id', 'treatedAt'],
  proofs: ['id', 'createdAt', 'reviewedAt'],
  fraudCases: ['id', 'score', 'state', 'primaryRule', 'createdAt'],
  auditLogs: ['id', 'at'],
} as const satisfies Record<string, readonly string[]>;

export type ListResource = keyof typeof LIST_SORTS;
export type ListSortField<R extends ListResource> = (typeof LIST_SORTS)[R][number];
