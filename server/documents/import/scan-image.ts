/**
 * Page images before OCR, as pure functions on grey pixels: the skew of the text lines (found by a
 * projection profile), the rotation that straightens them, specks removed, and an image file's size read
 * from its header. The table rules and cell grids are in scan-tables.ts.
 *
 * Sizes are in pixels of the page image; thresholds scale with the page (a photo has no known dpi).
 */

import { crc32 } from 'node:zlib';

/** A grey image: one byte per pixel (0 black … 255 white), row by row. */
export type GreyImage = { width: number; height: number; data: Uint8Array };

/**
 * The grey level that best separates ink from paper (Otsu's method), kept at or below 200 so that a
 * pale page is not turned into ink.
 *
 * @param image - the grey image
 * @returns pixels darker than this are ink
 */
export const inkThreshold = (image: GreyImage): number => {
  const histogram = new Float64Array(256);
  for (const value of image.data) histogram[value] = (histogram[value] ?? 0) + 1;
  const total = image.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (histogram[i] ?? 0);
  let below = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    below += histogram[t] ?? 0;
    if (!below || below === total) continue;
    sumBelow += t * (histogram[t] ?? 0);
    const meanBelow = sumBelow / below;
    const meanAbove = (sum - sumBelow) / (total - below);
    const between = below * (total - below) * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return Math.min(threshold, 200);
};

/** Ink as a bit per pixel (1 = ink). */
export const inkMask = (image: GreyImage, threshold = inkThreshold(image)): Uint8Array => {
  const mask = new Uint8Array(image.data.length);
  for (let i = 0; i < mask.length; i++) mask[i] = (image.data[i] ?? 255) <= threshold ? 1 : 0;
  return mask;
};

/** The sharpness of the row profile of ink points sheared by an angle: high when lines are level. */
const profileScore = (points: Int32Array, count: number, height: number, width: number, angle: number) => {
  const slope = Math.tan(angle);
  const margin = Math.ceil(Math.abs(slope) * width) + 1;
  const bins = new Float64Array(height + 2 * margin);
  for (let i = 0; i < count; i++) {
    const x = points[2 * i] ?? 0;
    const y = points[2 * i + 1] ?? 0;
    const bin = Math.round(y - x * slope) + margin;
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  let score = 0;
  for (let i = 1; i < bins.length; i++) score += ((bins[i] ?? 0) - (bins[i - 1] ?? 0)) ** 2;
  return score;
};

/** The largest skew looked for, in degrees (a page put on the scanner by hand, a phone photo). */
export const MAX_SKEW_DEGREES = 5;

/**
 * Estimates how far the text lines slope: the angle at which the ink's row profile is sharpest
 * (coarse steps of 0.2°, then 0.02° around the best).
 *
 * @param image - the grey page
 * @returns the slope in degrees; positive when lines go down to the right (y grows downwards)
 */
export const estimateSkew = (image: GreyImage): number => {
  const { width, height, data } = image;
  const threshold = inkThreshold(image);
  // At most ~400k ink points (a sample on a dense page): enough for a 0.02° answer.
  let inkCount = 0;
  for (const value of data) if (value <= threshold) inkCount++;
  if (inkCount < 50) return 0;
  const stride = Math.max(1, Math.ceil(inkCount / 400_000));
  const points = new Int32Array(2 * Math.ceil(inkCount / stride) + 2);
  let count = 0;
  let seen = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if ((data[y * width + x] ?? 255) > threshold) continue;
      if (seen++ % stride) continue;
      points[2 * count] = x;
      points[2 * count + 1] = y;
      count++;
    }
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const search = (from: number, to: number, step: number) => {
    let best = 0;
    let bestScore = -1;
    for (let degrees = from; degrees <= to + 1e-9; degrees += step) {
      const score = profileScore(points, count, height, width, radians(degrees));
      if (score > bestScore) {
        bestScore = score;
        best = degrees;
      }
    }
    return best;
  };
  const coarse = search(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, 0.2);
  const fine = search(coarse - 0.2, coarse + 0.2, 0.02);
  return Math.round(fine * 100) / 100;
};

/**
 * Rotates an image about its centre so that lines sloping by `degrees` become level (bilinear; what
 * comes in from outside the page is white). The size stays the same.
 *
 * @param image - the grey page
 * @param degrees - the slope found by `estimateSkew`
 * @returns the straightened page
 */
export const rotateImage = (image: GreyImage, degrees: number): GreyImage => {
  const { width, height, data } = image;
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[y * width + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = (data[i] ?? 255) * (1 - fx) + (data[i + 1] ?? 255) * fx;
      const bottom = (data[i + width] ?? 255) * (1 - fx) + (data[i + width + 1] ?? 255) * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data: out };
};

/**
 * Removes specks: ink dots of at most 3 pixels with clean paper around them (dust, scanner noise),
 * which OCR reads as ":", "." or "'". A diacritic's dot is larger and stays.
 *
 * @param image - the grey page
 * @returns a copy without specks
 */
export const removeSpecks = (image: GreyImage): GreyImage => {
  const { width, height } = image;
  const threshold = inkThreshold(image);
  const data = new Uint8Array(image.data);
  const ink = (x: number, y: number) => (image.data[y * width + x] ?? 255) <= threshold;
  for (let y = 2; y < height - 2; y++)
    for (let x = 2; x < width - 2; x++) {
      if (!ink(x, y)) continue;
      let near = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (ink(x + dx, y + dy)) near++;
      if (near > 3) continue;
      let ring = false;
      for (let d = -2; d <= 2 && !ring; d++)
        ring = ink(x + d, y - 2) || ink(x + d, y + 2) || ink(x - 2, y + d) || ink(x + 2, y + d);
      if (!ring) data[y * width + x] = 255;
    }
  return { width, height, data };
};

/**
 * Reads an image file's size from its header, without decoding it: PNG (the IHDR chunk, its checksum verified) or JPEG (the
 * first frame marker). The canvas decoder crashes the whole process on a file whose header is damaged,
 * and would allocate gigabytes for a huge one, so nothing is decoded before this answers.
 *
 * @param bytes - the image file
 * @returns the width and height, or null when the header is missing or damaged
 */
export const imageSize = (bytes: Uint8Array): { width: number; height: number } | null => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isPng =
    bytes.length >= 33 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  if (isPng) {
    const type = String.fromCharCode(...bytes.subarray(12, 16));
    if (view.getUint32(8) !== 13 || type !== 'IHDR') return null;
    if (crc32(bytes.subarray(12, 29)) !== view.getUint32(29)) return null;
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    return width > 0 && height > 0 ? { width, height } : null;
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = view.getUint16(at + 2);
    // Start-of-frame markers (baseline, progressive, …), not DHT (C4), JPG (C8) or DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = view.getUint16(at + 5);
      const width = view.getUint16(at + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
};
