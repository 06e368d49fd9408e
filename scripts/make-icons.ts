/**
 * Draws the Teams app icons (an open door) into appPackage/:
 *   color.png   192×192, white door on the accent colour, full bleed;
 *   outline.png  32×32, white door on a transparent background (pixels are white or fully clear).
 * Run: npx ts-node --transpile-only scripts/make-icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** The app's accent colour (also in manifest.json). */
export const ACCENT_RGB: readonly [number, number, number] = [0x1f, 0x5c, 0x99];

type Point = readonly [number, number];

/** The open door leaf, hinged on the left of the frame (32-unit grid). */
const DOOR_LEAF: readonly Point[] = [[10, 6], [17.5, 8.5], [17.5, 26.5], [10, 28]];

function insidePolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True where the glyph is drawn, for a point on the 32-unit grid. */
export function isDoorGlyph(x: number, y: number): boolean {
  const frameLeft = x >= 8 && x < 10 && y >= 4 && y < 28;
  const frameRight = x >= 22 && x < 24 && y >= 4 && y < 28;
  const frameTop = x >= 8 && x < 24 && y >= 4 && y < 6;
  const floor = x >= 4 && x < 28 && y >= 28 && y < 30;
  const knobHole = (x - 15) ** 2 + (y - 17) ** 2 < 2;
  const leaf = insidePolygon(x, y, DOOR_LEAF) && !knobHole;
  return frameLeft || frameRight || frameTop || floor || leaf;
}

/** Renders the glyph at `size` px; `samples`² sub-pixels per pixel give smooth edges (1 = crisp). */
function renderGlyphCoverage(size: number, samples: number): Float64Array {
  const coverage = new Float64Array(size * size);
  const unit = 32 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          if (isDoorGlyph((px + (sx + 0.5) / samples) * unit, (py + (sy + 0.5) / samples) * unit)) hits++;
        }
      }
      coverage[py * size + px] = hits / (samples * samples);
    }
  }
  return coverage;
}

/** The 192×192 colour icon: white glyph blended onto the accent colour. */
export function drawColorIcon(): PNG {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  const coverage = renderGlyphCoverage(size, 4);
  for (let i = 0; i < size * size; i++) {
    const c = coverage[i] ?? 0;
    png.data[i * 4] = Math.round(ACCENT_RGB[0] + (255 - ACCENT_RGB[0]) * c);
    png.data[i * 4 + 1] = Math.round(ACCENT_RGB[1] + (255 - ACCENT_RGB[1]) * c);
    png.data[i * 4 + 2] = Math.round(ACCENT_RGB[2] + (255 - ACCENT_RGB[2]) * c);
    png.data[i * 4 + 3] = 255;
  }
  return png;
}

/** The 32×32 outline icon: white where the glyph is, fully transparent elsewhere. */
export function drawOutlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  const coverage = renderGlyphCoverage(size, 1);
  for (let i = 0; i < size * size; i++) {
    const on = (coverage[i] ?? 0) >= 0.5;
    png.data[i * 4] = 255;
    png.data[i * 4 + 1] = 255;
    png.data[i * 4 + 2] = 255;
    png.data[i * 4 + 3] = on ? 255 : 0;
  }
  return png;
}

/** The repository root: the nearest folder above this file with a package.json (works from dist/ too). */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

if (require.main === module) {
  const dir = path.join(findRepoRoot(__dirname), 'appPackage');
  fs.writeFileSync(path.join(dir, 'color.png'), PNG.sync.write(drawColorIcon()));
  fs.writeFileSync(path.join(dir, 'outline.png'), PNG.sync.write(drawOutlineIcon()));
  console.log(`Wrote ${path.join(dir, 'color.png')} and ${path.join(dir, 'outline.png')}`);
}
