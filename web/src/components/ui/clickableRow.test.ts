/** A row that opens something: the keys that open it, and the keys and targets that must not. */
import type { KeyboardEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { clickableRow, openOnKey } from './clickableRow';

/** A key pressed on `target`, inside the row; counts the row's clicks and whether the default was stopped. */
const press = (key: string, on: 'row' | 'inside') => {
  const row = {
    clicks: 0,
    click() {
      this.clicks += 1;
    },
  };
  const inside = { tagName: 'BUTTON' };
  let prevented = false;
  const event = {
    key,
    currentTarget: row,
    target: on === 'row' ? row : inside,
    preventDefault: () => {
      prevented = true;
    },
  } as unknown as KeyboardEvent<HTMLElement>;
  openOnKey(event);
  return { clicks: row.clicks, prevented };
};

describe('clickableRow', () => {
  it('should open the row on Enter and Space as a click does, and stop the page from scrolling', () => {
    expect(press('Enter', 'row')).toEqual({ clicks: 1, prevented: true });
    expect(press(' ', 'row')).toEqual({ clicks: 1, prevented: true });
  });

  it('should leave other keys, and keys on a button or field inside the row, alone', () => {
    for (const key of ['Tab', 'ArrowDown', 'a', 'Escape'])
      expect(press(key, 'row')).toEqual({ clicks: 0, prevented: false });
    expect(press('Enter', 'inside')).toEqual({ clicks: 0, prevented: false });
    expect(press(' ', 'inside')).toEqual({ clicks: 0, prevented: false });
  });

  it('should make the row a tab stop that keeps its table role and says what it opens', () => {
    let opened = 0;
    const props = clickableRow(() => {
      opened += 1;
    }, 'Mở: Kế hoạch 95/KH-UBND · Năm 2026');
    expect(props).toMatchObject({
      tabIndex: 0,
      role: 'row',
      'aria-label': 'Mở: Kế hoạch 95/KH-UBND · Năm 2026',
      className: 'clickable-row',
    });
    props.onClick?.({} as never);
    expect(opened).toBe(1);
  });
});
