/** English texts of the administration pages: users imported from a list. */
export const enAdmin = {
  userImport: {
    title: 'Import users from a list',
    open: 'Import from a list',
    intro:
      'Send a list of users as Excel (.xlsx) or UTF-8 CSV with the columns: Full name, User name, E-mail, Role, Locality code, Unit name (the template’s Vietnamese headers). Every row is checked first; nobody is created until every row is right.',
    template: 'Download the Excel template',
    pick: 'Choose the list file',
    reading: 'Reading the list…',
    backToUsers: 'Back to Users',
    problemsTitle:
      'The list has {{count}} problem(s); nobody was created. Correct the file and send it again.',
    readyTitle: 'Every row is right: {{count}} user(s) ready to be created.',
    fileName: 'File: {{name}}',
    line: 'Row',
    displayName: 'Full name',
    username: 'User name',
    email: 'E-mail',
    role: 'Role',
    locality: 'Locality',
    unit: 'Unit',
    password: 'First password',
    create: 'Create {{count}} user(s)',
    createConfirm: 'Create {{count}} account(s) at once?',
    createdTitle: '{{count}} user(s) created.',
    createdHint:
      'The first passwords are shown only once, now. Download the list of passwords and hand each one over; each user must change it at the first sign-in.',
    downloadPasswords: 'Download the passwords (CSV)',
    another: 'Import another list',
    tooLarge: 'The file is too large: a user list is at most 2 MB.',
  },
} as const;
