/** English strings of a locality's settings and of adding a commune (the units page, administrators). */
export const enLocalitySettings = {
  localitySettings: {
    title: 'Locality settings',
    hint: 'Score thresholds of this locality: from the green threshold up is Green, from the yellow threshold to below green is Yellow, below yellow is Red. Leave empty for the common thresholds (Green 80, Yellow 50). The name, code and kind of a locality change by a dated decision, not here.',
    nameEn: 'English name',
    scoreGreen: 'Green threshold (score)',
    scoreYellow: 'Yellow threshold (score)',
    defaultPlaceholder: 'Default {{value}}',
    save: 'Save settings',
    saved: 'The locality settings were saved.',
    addCommune: 'Add a commune, ward or special zone',
    addCommuneHint: 'Only for a unit not yet in the national register loaded here.',
    code: 'Administrative code',
    name: 'Name',
    kind: 'Kind',
    create: 'Add',
    created: '{{name}} was added.',
  },
};
