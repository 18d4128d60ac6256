/**
 * npm run icons: draws the two Teams app icons with pngjs and writes them to
 * manifest/. The PNGs are committed; run this only to change the drawing.
 *
 * - color.png, 192×192: a chain link (two white rings) on CertLink's accent colour.
 * - outline.png, 32×32: the same link, white on a transparent background, as Teams requires.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export const ACCENT_COLOR = '#0F6CBD';

type Rgb = [number, number, number];

function hex(color: string): Rgb {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Coverage (0..1) of the link glyph at a point in unit coordinates (0..1 on each axis). */
function linkCoverage(x: number, y: number, size: number): number {
  // Two rings, offset along the diagonal, like two links of a chain.
  const rings = [
    { cx: 0.39, cy: 0.5, r: 0.2 },
    { cx: 0.61, cy: 0.5, r: 0.2 },
  ];
  const half = 0.055;
  // One pixel of antialiasing, in unit coordinates.
  const aa = 1 / size;
  let best = 0;
  for (const ring of rings) {
    const d = Math.abs(Math.hypot(x - ring.cx, y - ring.cy) - ring.r);
    const c = Math.min(1, Math.max(0, (half - d) / aa + 0.5));
    best = Math.max(best, c);
  }
  return best;
}

/** Samples each pixel 4×4 so small icons stay smooth. */
function draw(size: number, background: Rgb | null): PNG {
  const png = new PNG({ width: size, height: size });
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) cover += linkCoverage((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size * n);
      }
      cover /= n * n;
      const i = (py * size + px) * 4;
      if (background) {
        // Opaque: blend white over the accent colour.
        for (let k = 0; k < 3; k++) png.data[i + k] = Math.round(background[k] * (1 - cover) + 255 * cover);
        png.data[i + 3] = 255;
      } else {
        png.data[i] = 255;
        png.data[i + 1] = 255;
        png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(255 * cover);
      }
    }
  }
  return png;
}

export function colorIcon(): Buffer {
  return PNG.sync.write(draw(192, hex(ACCENT_COLOR)));
}

export function outlineIcon(): Buffer {
  return PNG.sync.write(draw(32, null));
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', '..', 'manifest');
  writeFileSync(path.join(dir, 'color.png'), colorIcon());
  writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
  console.log(`wrote ${dir}/color.png (192×192) and ${dir}/outline.png (32×32)`);
}
