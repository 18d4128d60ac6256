/** The tests' stand-in for the Teams connector is the one `npm run connector` runs: scripts/connectorStandIn.ts. */
export * from '../../scripts/connectorStandIn';
