import { readFileSync } from 'node:fs';
import { Kind, buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { explorerEnabled } from '../config.js';
import { EXAMPLE_TABS } from './browser/examples.js';

const apiSchema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));

describe('the explorer’s example tabs', () => {
  it.each(EXAMPLE_TABS.map((tab) => [tab.title, tab] as const))('%s: every operation is valid against schema/api.graphql', (_title, tab) => {
    const document = parse(tab.query);
    expect(validate(apiSchema, document).map((error) => error.message)).toEqual([]);
    // Named, so the run button's menu can offer each one.
    for (const definition of document.definitions) expect(definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value).toBeTruthy();
  });

  it('cover every subgraph: players, achievements, chat, guilds, tournaments and analytics', () => {
    const text = EXAMPLE_TABS.map((tab) => tab.query).join('\n');
    for (const field of ['login(', 'achievements(', 'sendMessage(', 'messageAdded(', 'joinGuild(', 'joinTournament(', 'eventMetric(']) expect(text).toContain(field);
  });
});

describe('GATEWAY_EXPLORER', () => {
  it.each([
    [undefined, 'development', true],
    [undefined, 'test', true],
    [undefined, 'production', false],
    ['true', 'production', true],
    ['false', 'development', false],
  ] as const)('%s with NODE_ENV=%s: served %s', (setting, nodeEnv, served) => {
    expect(explorerEnabled({ GATEWAY_EXPLORER: setting, NODE_ENV: nodeEnv })).toBe(served);
  });
});
