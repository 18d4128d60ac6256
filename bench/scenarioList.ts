/** The bench's bot scenarios, in one list for `npm run bench` and `npm run bench:instructions`. */
import { agentsScenarios, inMemoryScenarios, linkScenario, statusScenario } from './certlinkScenarios';
import type { Scenario } from './runScenario';
import { echoOnCertLinkAdapterScenario, echoScenario, referenceScenario } from './scenarios';

/** What `npm run bench` runs when BENCH_ONLY names nothing; echo first, the baseline. */
export const defaultScenarios: Scenario[] = [echoScenario, echoOnCertLinkAdapterScenario, referenceScenario, statusScenario, linkScenario, ...agentsScenarios];

/** Every scenario that can be named, the opt-in in-memory rows included. */
export const everyScenario: Scenario[] = [...defaultScenarios, ...inMemoryScenarios];
