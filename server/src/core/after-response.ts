/**
 * Writes that must persist whatever the request's outcome — a failed sign-in must count even though
 * the login mutation is refused and its transaction rolled back (A7). Each job runs in a transaction
 * of its own once the response is ready; on SQLite it queues behind the request's transaction.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from './context';

type Job = (em: EntityManager) => Promise<void>;
const jobs = new WeakMap<RequestContext, Job[]>();

export function afterResponse(ctx: RequestContext, job: Job): void {
  const list = jobs.get(ctx) ?? [];
  list.push(job);
  jobs.set(ctx, list);
}

/** Run and forget the queued jobs of a context (API: the plugin; tests and scripts may call it). */
export async function runAfterResponse(ctx: RequestContext): Promise<void> {
  const list = jobs.get(ctx) ?? [];
  jobs.delete(ctx);
  for (const job of list) {
    try {
      await ctx.db.transaction(job);
    } catch (e) {
      console.error(`[${ctx.requestId}] after-response write failed`, e);
    }
  }
}

export function afterResponsePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          await runAfterResponse(contextValue);
        },
      };
    },
  };
}
