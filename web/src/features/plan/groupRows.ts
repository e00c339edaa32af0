/**
 * Lays out indicators or tasks as the document prints them: a header row per group (in the group's
 * order), then its items in order. Items without a group come last under a "no group" header, and
 * no header rows are made when the plan has no groups at all.
 */
type Group = { id: string; name: string; position: number };
type Item = { id: string; groupId: string | null; position: number };

export type GroupHeaderRow = { kind: 'group'; key: string; name: string; count: number };
export type ItemRow<T> = { kind: 'item'; key: string; item: T };
export type GroupedRow<T> = GroupHeaderRow | ItemRow<T>;

export const groupRows = <T extends Item>(
  groups: Group[],
  items: T[],
  noGroupName: string,
): GroupedRow<T>[] => {
  const sortedItems = [...items].sort((a, b) => a.position - b.position);
  const knownGroupIds = new Set(groups.map((group) => group.id));
  const ungrouped = sortedItems.filter((item) => !item.groupId || !knownGroupIds.has(item.groupId));
  if (groups.length === 0) return sortedItems.map((item) => ({ kind: 'item', key: item.id, item }));

  const rows: GroupedRow<T>[] = [];
  for (const group of [...groups].sort((a, b) => a.position - b.position)) {
    const members = sortedItems.filter((item) => item.groupId === group.id);
    if (members.length === 0) continue;
    rows.push({ kind: 'group', key: `group-${group.id}`, name: group.name, count: members.length });
    for (const item of members) rows.push({ kind: 'item', key: item.id, item });
  }
  if (ungrouped.length > 0) {
    rows.push({ kind: 'group', key: 'group-none', name: noGroupName, count: ungrouped.length });
    for (const item of ungrouped) rows.push({ kind: 'item', key: item.id, item });
  }
  return rows;
};
