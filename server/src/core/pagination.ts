import { Max, Min } from 'class-validator';
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
}

export function PageOf<T extends object>(item: ClassType<T>, name: string) {
  @ObjectType(`${name}Page`)
  class Page {
    @Field(() => [item])
    items: T[];

    @Field(() => Int)
    total: number;
  }
  return Page;
}

/**
 * Apply sorting (from a whitelist of field → SQL column) and pagination, and fetch items + total.
 * An unknown sort field is bad input, not silently ignored.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: ListArgs,
  sortable: Record<string, string>,
  defaultSort: string,
): Promise<{ items: T[]; total: number }> {
  const field = args.sortField ?? defaultSort;
  const column = sortable[field];
  if (!column) throw new InvalidInputError('BAD_SORT_FIELD', `不支持按 ${field} 排序 (cannot sort by ${field}; use one of ${Object.keys(sortable).join(', ')})`, 'sortField');
  qb.orderBy(column, args.sortOrder);
  // Tie-break on the primary key (`id`, or e.g. `code` for provinces) so pages are stable.
  const primary = qb.expressionMap.mainAlias?.metadata.primaryColumns[0]?.propertyPath ?? 'id';
  if (column !== `${qb.alias}.${primary}`) qb.addOrderBy(`${qb.alias}.${primary}`, 'ASC');
  const [items, total] = await qb
    .skip((args.page - 1) * args.perPage)
    .take(args.perPage)
    .getManyAndCount();
  return { items, total };
}
