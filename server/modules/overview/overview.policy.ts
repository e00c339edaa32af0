import { type Actor, canReadIn } from '../auth/access';

/**
 * The overview of a locality compares its children: it is for those whose role covers the locality
 * itself (a province officer for the province; for the nation, only roles held at the nation: the
 * system administrator, a national inspector). A commune user may name their province in breadcrumbs
 * but may not see the other communes, and a province user may not see the other provinces, so the
 * overview stays hidden (404) from them.
 */
export const canReadOverview = (actor: Actor, chain: readonly string[]): boolean => canReadIn(actor, chain);
