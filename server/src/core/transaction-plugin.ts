import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { loadPrincipal } from '../modules/auth/auth.service';
import { runIndependent, type RequestContext } from './context';
import type { TxHandle } from '../db/database';

/**
 * One GraphQL operation = one database transaction. The transaction opens once the operation is
 * known (after parsing and validation), the principal is loaded inside it, and it commits only if
 * the response has no errors and no RuleViolation was returned; otherwise it rolls back.
 */
export function transactionPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let tx: TxHandle | null = null;
      return {
        async didResolveOperation({ contextValue }) {
          tx = await contextValue.db.begin();
          contextValue.em = tx.em;
          contextValue.principal = await loadPrincipal(contextValue, contextValue.claims);
        },
        async willSendResponse({ contextValue, response }) {
          if (!tx) return;
          const handle = tx;
          tx = null;
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const failed = contextValue.rollbackOnly || Boolean(body?.errors?.length);
          try {
            if (failed) await handle.rollback();
            else await handle.commit();
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
            await runIndependent(contextValue);
          }
        },
      };
    },
  };
}
