import { emailFor, registerMany, WRONG_PASSWORD } from '../accounts.js';
import { loginBody, toLoginAnswer } from '../graphql.js';
import { post } from '../http.js';
import { PASSWORD_CHECKS, scrapeMetrics, seriesValue } from '../metrics.js';
import { graphqlUrl, type BenchContext } from './context.js';

export interface LockoutMeasurement {
  /** B4: password checks the server counted during the burst. */
  passwordChecks: number;
  /** How many answers of each kind (`__typename`, `HTTP <status>` or `network error`). */
  answers: Record<string, number>;
}

/** B4: many parallel wrong logins on one fresh account, each on its own connection. */
export async function measureLockout(ctx: BenchContext): Promise<LockoutMeasurement> {
  ctx.progress(`B4 ${ctx.plan.parallelWrongLogins} parallel wrong logins`);
  await registerMany(ctx.server.url, 'lockout', 1);
  const body = loginBody(emailFor('lockout', 0), WRONG_PASSWORD);
  const checks = async () => seriesValue(await scrapeMetrics(ctx.server.metricsUrl), PASSWORD_CHECKS);

  const before = await checks();
  const replies = await Promise.allSettled(
    Array.from({ length: ctx.plan.parallelWrongLogins }, () => post(graphqlUrl(ctx.server), body)),
  );
  const after = await checks();

  const answers: Record<string, number> = {};
  for (const reply of replies) {
    const kind = reply.status === 'fulfilled' ? toLoginAnswer(reply.value).typename : 'network error';
    answers[kind] = (answers[kind] ?? 0) + 1;
  }
  ctx.server.assertAlive();
  return { passwordChecks: after - before, answers };
}
