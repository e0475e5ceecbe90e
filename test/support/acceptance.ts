import { expect } from 'vitest';
import { gql } from './platform.js';

// What the acceptance tests (test/acceptance-*.test.ts) share: operations that must work, and
// refusals checked against what the SDL documents.

export type Player = { id: string; username: string; token: string };
/** A string far over every documented bound. */
export const HUGE = 'x'.repeat(100_000);
/** A refusal to expect: its name, who asks (a player or a bearer token), the variables, and the error's extensions. */
export type Case = [name: string, player: Player | string | undefined, variables: Record<string, unknown>, expected: Record<string, unknown>];

/** must / refusal / expectRefusals against the gateway at `url()` (known once the platform started). */
export function acceptanceCalls(url: () => string) {
  const tokenOf = (player: Player | string | undefined) => (typeof player === 'string' ? player : player?.token);
  /** An operation that must succeed: its data. */
  async function must<T>(player: Player | string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await gql<T>(url(), query, variables, { token: tokenOf(player) });
    if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
    return result.data;
  }
  /** The message and extensions of an operation's first error; it must fail with a coded 4xx-or-200 answer. */
  async function refusal(player: Player | string | undefined, query: string, variables: Record<string, unknown>) {
    const result = await gql(url(), query, variables, { token: tokenOf(player) });
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.length, JSON.stringify(result.data)).toBeGreaterThan(0);
    return { message: result.errors![0]!.message, ...result.errors![0]!.extensions } as { message: string; code?: unknown } & Record<string, unknown>;
  }
  /** Each case refused as expected, named in the failure. */
  async function expectRefusals(query: string, cases: Case[]) {
    for (const [name, player, variables, expected] of cases) {
      const refused = await refusal(player, query, variables).catch((error: Error) => {
        throw new Error(`${name}: ${error.message}`);
      });
      expect(refused, name).toMatchObject(expected);
    }
  }
  return { must, refusal, expectRefusals };
}
