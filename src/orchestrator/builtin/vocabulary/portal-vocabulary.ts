// What the built-in planner understands of requests for an agent that signs in to a portal and
// downloads its files, as data: the words that sign in, that fetch files, what the files are
// called (and the agent after them) and the links that lead to files. How a listing pages is
// browser.paginate's to find out, on each page.

/** Words that sign in to a site; "portal" counts too, since one always signs in to a portal. */
export const signInWords = [
  'log in',
  'log into',
  'log in to',
  'logs in',
  'logs into',
  'logging in',
  'logging into',
  'logged in',
  'login',
  'log on',
  'sign in',
  'sign into',
  'signs in',
  'signs into',
  'signing in',
  'signing into',
  'signed in',
  'portal',
  'extranet',
];

/** Words that ask for files, whatever they are called. */
export const downloadWords = ['download', 'downloads', 'downloading', 'downloaded'];

/** What the files are called: the agent is named after them. The first entry that matches wins. */
export const documentNouns = [
  { noun: 'invoices', name: 'Invoice Collector', words: ['invoice', 'invoices', 'bill', 'bills'] },
  {
    noun: 'statements',
    name: 'Statement Downloader',
    words: ['statement', 'statements', 'bank statement', 'bank statements'],
  },
  { noun: 'receipts', name: 'Receipt Collector', words: ['receipt', 'receipts'] },
  { noun: 'payslips', name: 'Payslip Collector', words: ['payslip', 'payslips', 'pay slip', 'pay slips'] },
  { noun: 'reports', name: 'Report Downloader', words: ['report', 'reports'] },
  { noun: 'contracts', name: 'Contract Collector', words: ['contract', 'contracts'] },
  {
    noun: 'documents',
    name: 'Document Collector',
    words: [
      'document',
      'documents',
      'doc',
      'docs',
      'file',
      'files',
      'attachment',
      'attachments',
      'paperwork',
    ],
  },
] as const;

/** The name of an agent whose files have no name of their own. */
export const defaultDocuments = { noun: 'documents', name: 'Document Collector' } as const;

/** File types people name, and the extensions of the links that lead to them. */
export const fileTypes: Record<string, { words: readonly string[]; extensions: readonly string[] }> = {
  pdf: { words: ['pdf', 'pdfs'], extensions: ['pdf'] },
  csv: { words: ['csv', 'csvs', 'csv files'], extensions: ['csv'] },
  spreadsheet: {
    words: ['excel', 'xlsx', 'xls', 'spreadsheet', 'spreadsheets'],
    extensions: ['xlsx', 'xls'],
  },
  word: { words: ['word document', 'word documents', 'docx'], extensions: ['docx', 'doc'] },
  archive: { words: ['zip', 'zips', 'zip files'], extensions: ['zip'] },
};

/** The files a portal agent downloads when the request names no type: documents people keep. */
export const documentExtensions = ['pdf', 'csv', 'xlsx', 'xls', 'docx', 'doc', 'zip', 'xml'];

/** Answers to "what marks each file to download?" that need no CSS. */
export const fileLinkLayouts: Record<string, { words: readonly string[]; selector?: string }> = {
  // No selector: the links to the document extensions above.
  'links to files': { words: ['file links', 'links to files', 'pdf links', 'files', 'documents'] },
  'links in a table': { words: ['table', 'in a table', 'table rows', 'rows'], selector: 'table a[href]' },
  'every link': { words: ['every link', 'all links', 'links', 'everything'], selector: 'a[href]' },
};

/** An address is a sign-in page when its path says so. */
export const signInPathPattern = /\/(?:log-?in|log-?on|sign-?in|auth|sso|session)\b/i;

/** Nouns after which a portal's name ends: "our bank portal", "my Acme account". */
export const portalNouns = ['portal', 'account', 'site', 'website', 'extranet'];

/** Host name parts that say nothing of whose portal it is (portal.acme.com is Acme's). */
export const genericHostParts = new Set([
  'www',
  'portal',
  'portals',
  'login',
  'app',
  'apps',
  'secure',
  'my',
  'account',
  'accounts',
  'online',
  'auth',
  'sso',
  'web',
  'extranet',
  'customer',
  'customers',
]);

/** Words before a portal noun that are not its name ("log into the portal"). */
export const notPortalNames = new Set([
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'their',
  'this',
  'that',
  'into',
  'to',
]);
