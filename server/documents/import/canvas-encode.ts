/**
 * A canvas encoded as PNG or JPEG on libuv's thread pool, with the canvas kept alive until it is done.
 *
 * @napi-rs/canvas before 1.0.5 hands the encoding task a bare pointer to the canvas's pixels (its issue
 * #1312): a canvas that nothing references once `encode` is called may be collected, and its pixels freed,
 * while another thread still reads them: a crash of the whole process or a damaged image, at random (the
 * suspect, not proven, for the rare "Worker exited unexpectedly" of import-document.test.ts in full runs).
 * Holding the canvas here until the encoding settles closes that window whatever the caller keeps.
 */
import type { Canvas } from '@napi-rs/canvas';

/** The canvases being encoded: reachable from here until their encoding settles. */
const encoding = new Set<Canvas>();

/**
 * @param canvas - the canvas to encode (held until the bytes are ready)
 * @param format - 'png', or 'jpeg' with its quality (0–100)
 * @returns the encoded bytes
 */
export const encodeCanvas = async (
  canvas: Canvas,
  ...format: ['png'] | ['jpeg', number]
): Promise<Buffer> => {
  encoding.add(canvas);
  try {
    return await (format[0] === 'png' ? canvas.encode('png') : canvas.encode('jpeg', format[1]));
  } finally {
    encoding.delete(canvas);
  }
};
