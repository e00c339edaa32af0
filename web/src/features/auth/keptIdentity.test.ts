import type { TUser } from '@core/schemas/auth.schemas';
import { describe, expect, it } from 'vitest';
import { keepIdentity, readKeptIdentity } from './keptIdentity';

const storageOf = () => {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
};

const LAN: TUser = {
  id: '0b7c1a52-4a43-4c55-9d0c-2f3f0c0e6a11',
  username: 'thanhdong.hcc',
  displayName: 'Nguyễn Thị Lan',
  mustChangePassword: false,
  isDisabled: false,
  isDemo: true,
  roles: [],
};

describe('the user last signed in on this device', () => {
  it('is kept, read back, replaced and forgotten', () => {
    const storage = storageOf();
    expect(readKeptIdentity(storage)).toBeNull();
    keepIdentity(LAN, storage);
    expect(readKeptIdentity(storage)).toEqual(LAN);
    keepIdentity({ ...LAN, id: 'other', displayName: 'Trần Văn Minh' }, storage);
    expect(readKeptIdentity(storage)?.displayName).toBe('Trần Văn Minh');
    keepIdentity(null, storage);
    expect(readKeptIdentity(storage)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('reads nothing from another format or an unreadable text', () => {
    const storage = storageOf();
    storage.setItem('lo-trinh:signed-in-user', '{"id":1}');
    expect(readKeptIdentity(storage)).toBeNull();
    storage.setItem('lo-trinh:signed-in-user', 'not json');
    expect(readKeptIdentity(storage)).toBeNull();
    expect(readKeptIdentity(null)).toBeNull();
  });
});
