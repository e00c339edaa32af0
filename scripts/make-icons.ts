/**
 * Draws the web app's icons (web/public/icons, linked from web/public/manifest.webmanifest): a road of
 * milestones ("lộ trình") in white on the app's blue. `any` icons keep a margin and round corners; the
 * maskable one fills its square and keeps the drawing inside the central 80 % circle every launcher
 * mask leaves visible. Run `node --import tsx scripts/make-icons.ts` after changing the drawing; the
 * PNGs are committed, so the build needs neither this script nor the network.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

/** The brand colour (colorPrimary in web/src/AppProviders.tsx, theme_color in the manifest). */
export const BRAND_BLUE = '#0958d9';
const OUT_DIR = fileURLToPath(new URL('../web/public/icons/', import.meta.url));

/** The road and its three milestones, drawn in a unit square scaled to `size` around the centre. */
const drawRoad = (context: SKRSContext2D, size: number, scale: number) => {
  const offset = (size * (1 - scale)) / 2;
  const at = (x: number, y: number): [number, number] => [
    offset + x * size * scale,
    offset + y * size * scale,
  ];
  context.strokeStyle = '#ffffff';
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.lineWidth = size * scale * 0.09;
  context.beginPath();
  context.moveTo(...at(0.18, 0.82));
  context.bezierCurveTo(...at(0.55, 0.82), ...at(0.3, 0.5), ...at(0.55, 0.45));
  context.bezierCurveTo(...at(0.8, 0.4), ...at(0.6, 0.18), ...at(0.82, 0.18));
  context.stroke();
  context.fillStyle = '#ffffff';
  for (const [x, y, r] of [
    [0.18, 0.82, 0.1],
    [0.55, 0.45, 0.085],
    [0.82, 0.18, 0.1],
  ] as const) {
    context.beginPath();
    context.arc(...at(x, y), size * scale * r, 0, Math.PI * 2);
    context.fill();
  }
  context.fillStyle = BRAND_BLUE;
  context.beginPath();
  context.arc(...at(0.55, 0.45), size * scale * 0.04, 0, Math.PI * 2);
  context.fill();
};

const icon = (size: number, maskable: boolean): Buffer => {
  const canvas = createCanvas(size, size);
  const context = canvas.getContext('2d');
  context.fillStyle = BRAND_BLUE;
  if (maskable) context.fillRect(0, 0, size, size);
  else {
    context.beginPath();
    context.roundRect(0, 0, size, size, size * 0.18);
    context.fill();
  }
  drawRoad(context, size, maskable ? 0.6 : 0.78);
  return canvas.toBuffer('image/png');
};

await writeFile(`${OUT_DIR}icon-192.png`, icon(192, false));
await writeFile(`${OUT_DIR}icon-512.png`, icon(512, false));
await writeFile(`${OUT_DIR}icon-maskable-512.png`, icon(512, true));
await writeFile(`${OUT_DIR}apple-touch-icon.png`, icon(180, true));
