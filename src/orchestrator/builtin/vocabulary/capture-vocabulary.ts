// How people ask for an agent that keeps a picture of a page: "screenshot the dashboard every
// evening", "take a screenshot of https://…", "save a pdf of the status page". Orca's browser
// saves screenshots (PNG) as deliverables; a PDF asked for is a full-page screenshot instead.

/** Words that ask for a picture of a page. */
export const screenshotWords = [
  'screenshot',
  'screenshots',
  'screenshotting',
  'screenshoted',
  'screenshotted',
  'screen shot',
  'screen shots',
  'screen-shot',
  'screengrab',
  'screen grab',
  'screen capture',
  'snapshot of the page',
  'picture of the page',
  'image of the page',
];

/** Words that ask for the page saved as a PDF: a full-page screenshot is what Orca can save. */
export const pdfPageWords = [
  'pdf of',
  'save a pdf',
  'save the page as pdf',
  'save it as pdf',
  'save it as a pdf',
  'as a pdf',
  'print to pdf',
  'print the page',
];

/** Words that ask for the whole page, not only what fits the window. */
export const fullPageWords = ['full page', 'full-page', 'whole page', 'entire page', 'all of the page'];

/** What the picture is of, after the verb: "screenshot the dashboard", "a screenshot of the sales report". */
const afterSubject =
  '(?:page|every|each|daily|nightly|weekly|monthly|hourly|at|on|and|then|once|in|after|when|from|to|for|as)';
export const capturedSubject = new RegExp(
  `\\b(?:screenshots?|screen ?shots?|screengrabs?|screen grabs?|screen captures?|pdf)\\b\\s+(?:of\\s+)?(?:the\\s+|my\\s+|our\\s+)?(?!(?:of|${afterSubject})\\b)(?<subject>[a-z][a-z -]{1,40}?)(?=\\s+${afterSubject}\\b|[,.;!?]|$)`,
  'i',
);

/** Words that are no subject: "screenshot it", "a screenshot of the page". */
export const notSubjects = new Set([
  'it',
  'page',
  'site',
  'website',
  'screen',
  'this',
  'that',
  'them',
  'a',
  'an',
]);
