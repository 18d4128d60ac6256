/**
 * The runtime the tests run CertLink on: botbuilder, or the Agents SDK when BOT_RUNTIME=agents
 * (npm test runs the runtime-facing suites a second time so; .mocharc.agents.json).
 */
export type TestRuntime = 'botbuilder' | 'agents';

export const TEST_RUNTIME: TestRuntime = process.env.BOT_RUNTIME === 'agents' ? 'agents' : 'botbuilder';

/** BOT_RUNTIME for loadConfig, so a composed app runs on the runtime under test. */
export function runtimeEnv(): { BOT_RUNTIME: TestRuntime } {
  return { BOT_RUNTIME: TEST_RUNTIME };
}
