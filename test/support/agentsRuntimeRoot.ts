/**
 * Mocha root hooks for the second run of the runtime-facing suites (.mocharc.agents.json and
 * .mocharc.reliability.agents.json): CertLink on the Agents SDK, the runtime named in every
 * top-level suite's title. Loaded with --require, before any spec file reads BOT_RUNTIME.
 */
import type { Context } from 'mocha';

process.env.BOT_RUNTIME = 'agents';

export const mochaHooks = {
  beforeAll(this: Context): void {
    for (const suite of this.test?.parent?.suites ?? []) suite.title = `[agents runtime] ${suite.title}`;
  },
};
