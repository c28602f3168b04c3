import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { runAfterTransaction, type RequestContext } from './context';
import { principalFor, type PrincipalLoader } from './principal-cache';
import type { TxHandle } from '../db/database';

/**
 * One GraphQL mutation = one database transaction. The transaction opens once the operation is
 * known (after parsing and validation) and commits only if the response has no errors and no
 * RuleViolation was returned; otherwise it rolls back. The principal comes from the verified token
 * through the principal cache (core/principal-cache.ts), not reloaded per request; on a miss it is read
 * by the loader app.ts hands in (the auth module's loadPrincipal: core imports no module's services).
 *
 * A query (read-only) opens no transaction on MySQL/MariaDB: its reads run in autocommit on the
 * pool (READ COMMITTED semantics, like the transactions). On SQLite, with its one shared connection,
 * a query still takes its turn in the transaction queue, so it never sees another request's
 * uncommitted writes.
 *
 * `selfManaged`: mutations whose service opens its own transaction (MySQL/MariaDB only) — settle,
 * where concurrent settlements share one (group commit, modules/settlement/settlement-batch.ts) and
 * an optimistic write that found a balance moved is rolled back whole and written again locked.
 * Such an operation (its one root field in this list) gets the pool's manager like a query does.
 */
export function transactionPlugin(loadPrincipal: PrincipalLoader, selfManaged: readonly string[] = []): ApolloServerPlugin<RequestContext> {
  const ownTransaction = (op: OperationDefinitionNode | null | undefined): boolean => {
    if (!selfManaged.length || op?.operation !== 'mutation' || op.selectionSet.selections.length !== 1) return false;
    const only = op.selectionSet.selections[0];
    return only.kind === Kind.FIELD && selfManaged.includes(only.name.value);
  };
  return {
    async requestDidStart() {
      let tx: TxHandle | null = null;
      let ran = false;
      return {
        async didResolveOperation({ contextValue, operation }) {
          ran = true;
          const db = contextValue.db;
          if (!db.isSqlite && (operation?.operation === 'query' || ownTransaction(operation))) {
            contextValue.em = db.dataSource.manager;
            contextValue.autocommit = true;
            contextValue.principal = await principalFor(contextValue, db.dataSource.manager, loadPrincipal);
            return;
          }
          tx = await db.begin();
          contextValue.em = tx.em;
          contextValue.principal = await principalFor(contextValue, tx.em, loadPrincipal);
        },
        async willSendResponse({ contextValue, response }) {
          if (!tx) {
            if (ran) await runAfterTransaction(contextValue, true);
            return;
          }
          const handle = tx;
          tx = null;
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const failed = contextValue.rollbackOnly || Boolean(body?.errors?.length);
          let committed = false;
          try {
            if (failed) await handle.rollback();
            else {
              await handle.commit();
              committed = true;
            }
          } catch (e) {
            console.error(`[${contextValue.requestId}] commit failed`, e);
            if (body) {
              body.data = null;
              body.errors = [
                new GraphQLError('事务提交失败，请重试 (the transaction could not be committed; retry)', {
                  extensions: { code: 'CONFLICT_RETRY' },
                }).toJSON(),
              ];
            }
          } finally {
            await handle.release();
            await runAfterTransaction(contextValue, committed);
          }
        },
      };
    },
  };
}
