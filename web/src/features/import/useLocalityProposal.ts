import { foldText } from '@core/domain/text';
import type { TImportedPlanDraft } from '@core/schemas/import.schemas';
import type { TLocality } from '@core/schemas/locality.schemas';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PLAN_EDITOR_ROLES } from '../auth/roles';
import { LOCALITY_PAGE_MAX, localityQueries, rowsOf } from '../locality/queries';
import { useLocalityAllowed } from '../locality/useLocalityChain';

/**
 * The commune an imported plan goes into: the one already chosen, else the register's proposal, the
 * commune the document names, or the only commune the officer may plan in, once the look-ups are in.
 *
 * @param draft - the import's draft (its locality match and the locality it prints)
 * @param initial - the locality already chosen for the job, if any
 * @returns the chosen locality and its setter, the communes this person may choose, and `proposing`
 *   while a proposal is still on its way (saving waits for it)
 */
export const useLocalityProposal = (draft: TImportedPlanDraft, initial: string | null | undefined) => {
  const editable = useLocalityAllowed(PLAN_EDITOR_ROLES);
  const [localityId, setLocalityId] = useState<string | undefined>(initial ?? undefined);

  // The communes where this person may set plans up (a system administrator: all of them).
  const allowCommune = useCallback(
    (locality: TLocality) => locality.level === 'commune' && editable.allow(locality),
    [editable.allow],
  );
  const chosenLocality = useQuery({
    ...localityQueries.detail(localityId ?? ''),
    enabled: Boolean(localityId),
  });

  // The locality the document names, when the officer may plan there; or the only one they may.
  const proposalId = draft.localityMatch?.confidence !== 'low' ? draft.localityMatch?.localityId : null;
  const proposed = useQuery({
    ...localityQueries.detail(proposalId ?? ''),
    enabled: !localityId && Boolean(proposalId),
  });
  const printedName = draft.plan.locality.name;
  const named = useQuery({
    ...localityQueries.page({ q: printedName ?? '', level: 'commune', limit: LOCALITY_PAGE_MAX }),
    enabled: !localityId && Boolean(printedName),
  });
  const onlyOne = useQuery({
    ...localityQueries.page({ level: 'commune', limit: 2 }),
    enabled: !localityId,
  });
  // The locality chosen for the officer once the look-ups are in: the register's proposal, the commune
  // the document names, or the only commune the officer may plan in.
  const autoChoice = useMemo(() => {
    if (localityId || editable.isLoading) return undefined;
    if (proposalId && proposed.isLoading) return undefined;
    if (printedName && named.isLoading) return undefined;
    const printed = printedName ? foldText(printedName) : null;
    const byName = printed
      ? rowsOf(named.data).find((locality) => foldText(locality.name) === printed && allowCommune(locality))
      : undefined;
    const communes = rowsOf(onlyOne.data);
    const only =
      onlyOne.data?.pagination.total === 1 && communes[0] && allowCommune(communes[0])
        ? communes[0]
        : undefined;
    return (proposed.data && allowCommune(proposed.data) ? proposed.data : undefined) ?? byName ?? only;
  }, [
    localityId,
    editable.isLoading,
    proposalId,
    proposed.isLoading,
    proposed.data,
    printedName,
    named.isLoading,
    named.data,
    onlyOne.data,
    allowCommune,
  ]);
  useEffect(() => {
    if (autoChoice) setLocalityId(autoChoice.id);
  }, [autoChoice]);

  // Until the chosen locality is set (an effect, after this render) saving stays off too: a click in
  // between would find no locality.
  const proposing =
    !localityId &&
    (editable.isLoading ||
      (Boolean(proposalId) && proposed.isLoading) ||
      (Boolean(printedName) && named.isLoading) ||
      onlyOne.isLoading ||
      autoChoice !== undefined);

  return {
    localityId,
    setLocalityId,
    allowCommune,
    chosenLocality: chosenLocality.data,
    loading: editable.isLoading,
    proposing,
  };
};
