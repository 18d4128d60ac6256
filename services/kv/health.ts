/** Answers /readyz: can the backing store be reached right now? */
export interface StoreHealth {
  ping(): Promise<boolean>;
  readonly kind: 'memory' | 'redis';
}
