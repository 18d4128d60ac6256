/** Every scenario prints its figures the same way, so CI logs can be compared run to run. */
export function printFigures(title: string, figures: Record<string, string | number>): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(([k, v]) => `      ${k.padEnd(width)}  ${v}`);
  console.log(`\n      == ${title}\n${lines.join('\n')}\n`);
}
