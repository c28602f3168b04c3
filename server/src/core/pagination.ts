import { Max, MaxLength, Min } from 'class-validator';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SortOrderEnum } from './graphql-enums';
import { InvalidInputError } from './errors';

@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 1 })
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 25 })
  @Min(1)
  @Max(200)
  perPage: number = 25;

  @Field({ nullable: true, description: 'A field name of the listed type; each list documents what it accepts.' })
  sortField?: string;

  @Field(() => SortOrderEnum, { defaultValue: 'ASC' })
  sortOrder: 'ASC' | 'DESC' = 'ASC';

  @Field(() => String, { nullable: true, description: 'Keyset paging: the nextCursor of the previous page (same filter and sort); page is then ignored.' })
  @MaxLength(400)
  after?: string | null;

  /** Every list's fast check (core/input-validation.ts): true only when the rules above surely hold. */
  static surelyValid(v: ListArgs): boolean {
    return v.page >= 1 && v.perPage >= 1 && v.perPage <= 200 && (v.after == null || (typeof v.after === 'string' && v.after.length <= 400));
  }
}

export function PageOf<T extends object>(item: ClassType<T>, name: string) {
  @ObjectType(`${name}Page`)
  class Page {
    @Field(() => [item])
    items: T[];

    @Field(() => Int, { description: 'Matching rows; a lower bound when totalCapped (show it as “10,000+”).' })
    total: number;

    @Field({ description: 'True when counting stopped at the cap: total is then “at least”.' })
    totalCapped: boolean;

    @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page by keyset (null on the last page).' })
    nextCursor: string | null;
  }
  return Page;
}

/**
 * Small reference tables only (staff, provinces, policy versions, batch runs): sort from a whitelist
 * and page with an exact count. Every list over a table that grows uses `core/list-query.ts` instead.
 * An unknown sort field is bad input, not silently ignored.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: ListArgs,
  sortable: Record<string, string>,
  defaultSort: string,
): Promise<{ items: T[]; total: number; totalCapped: boolean; nextCursor: string | null }> {
  const field = args.sortField ?? defaultSort;
  const column = sortable[field];
  if (!column) throw new InvalidInputError('BAD_SORT_FIELD', `不支持按 ${field} 排序 (cannot sort by ${field}; use one of ${Object.keys(sortable).join(', ')})`, 'sortField');
  qb.orderBy(column, args.sortOrder);
  // Tie-break on the primary key, in the sort's direction (an index on the column then serves both).
  const primary = qb.expressionMap.mainAlias?.metadata.primaryColumns[0]?.propertyPath ?? 'id';
  if (column !== `${qb.alias}.${primary}`) qb.addOrderBy(`${qb.alias}.${primary}`, args.sortOrder);
  const [items, total] = await qb
    .skip((args.page - 1) * args.perPage)
    .take(args.perPage)
    .getManyAndCount();
  return { items, total, totalCapped: false, nextCursor: null };
}
