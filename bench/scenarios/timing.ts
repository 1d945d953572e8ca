import { emailFor, registerMany, WRONG_PASSWORD } from '../accounts.js';
import { login, type LoginAnswer } from '../graphql.js';
import { keepAliveAgent } from '../http.js';
import { median } from '../stats.js';
import type { BenchContext } from './context.js';

export interface TimingMeasurement {
  unknownEmailMedianMs: number;
  wrongPasswordMedianMs: number;
  pairs: number;
  /** Pairs whose two answers differed (type or attemptsRemaining): a leak of its own. */
  differingAnswers: number;
}

/**
 * B5: one request at a time, an unknown email and a known one with a wrong password in
 * alternating order. Each email is used for fewer attempts than the limit, so neither side
 * ever pays for starting a lock.
 */
export async function measureTiming(ctx: BenchContext): Promise<TimingMeasurement> {
  const { plan, server } = ctx;
  const perEmail = plan.maxFailures - 1;
  ctx.progress(`B5 ${plan.timingPairs} unknown-email / wrong-password pairs`);
  await registerMany(server.url, 'timing', Math.ceil(plan.timingPairs / perEmail));

  const agent = keepAliveAgent();
  const attempt = (email: string) => login(server.url, email, WRONG_PASSWORD, { agent });
  const unknown: number[] = [];
  const known: number[] = [];
  let differingAnswers = 0;
  for (let i = 0; i < plan.timingPairs; i++) {
    const k = Math.floor(i / perEmail);
    const unknownFirst = i % 2 === 0;
    const first = await attempt(emailFor(unknownFirst ? 'nobody' : 'timing', k));
    const second = await attempt(emailFor(unknownFirst ? 'timing' : 'nobody', k));
    const [u, w] = unknownFirst ? [first, second] : [second, first];
    unknown.push(u.ms);
    known.push(w.ms);
    if (!sameAnswer(u, w)) differingAnswers++;
  }
  agent.destroy();
  server.assertAlive();
  return {
    unknownEmailMedianMs: median(unknown),
    wrongPasswordMedianMs: median(known),
    pairs: plan.timingPairs,
    differingAnswers,
  };
}

function sameAnswer(a: LoginAnswer, b: LoginAnswer): boolean {
  return (
    a.typename === 'InvalidCredentials' &&
    a.typename === b.typename &&
    a.attemptsRemaining === b.attemptsRemaining
  );
}
