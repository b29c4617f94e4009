// An agent that keeps a picture of a page ("log in to https://portal.example.com and screenshot
// the dashboard every evening", "take a screenshot of https://… every morning"): it signs in
// when asked to (with the portal's account, asked for when the workspace has none), opens the
// page and saves a screenshot as a deliverable. Planned as a portal draft with a capture, so
// the same questions (which page, which user name) and their answers serve both.
import type { PlanQuestion } from '../../domain/plan.ts';
import type { PortalDraft } from './portal-planning.ts';
import { givenName, hasAny, siteName, titleCase, urlsIn, withoutAddresses } from './request-text.ts';
import { screenshotSpec } from './spec-templates.ts';
import {
  capturedSubject,
  fullPageWords,
  notSubjects,
  pdfPageWords,
  screenshotWords,
} from './vocabulary/capture-vocabulary.ts';
import { signInWords } from './vocabulary/portal-vocabulary.ts';

/** What a capture request asks for, kept in the portal draft. */
export interface CaptureReading {
  signIn: boolean;
  fullPage: boolean;
  /** A PDF was asked for: a full-page screenshot is saved, and the reply says so. */
  pdf: boolean;
  /** What the picture is of, in the request's words ("dashboard"). */
  subject?: string;
  /** The agent's name, when the request gives one. */
  name?: string;
}

/** Questions (not requests) that mention screenshots: "where is the screenshot of the failed run?". */
const asksAbout = /^(?:what|where|why|which|how|did|does|do|is|are|can i see|show me)\b/i;

/** Whether a request asks for an agent that keeps pictures of a page it gives or signs in to. */
export function isCaptureRequest(text: string): boolean {
  const lower = withoutAddresses(text);
  if (asksAbout.test(lower.trim())) return false;
  if (!hasAny(lower, screenshotWords) && !hasAny(lower, pdfPageWords)) return false;
  return urlsIn(text).length > 0 || hasAny(lower, signInWords);
}

/** What a capture request asks for. */
export function readCapture(text: string): CaptureReading {
  const lower = withoutAddresses(text).replace(/\s+/g, ' ');
  const pdf = hasAny(lower, pdfPageWords);
  const subject = capturedSubject.exec(lower)?.groups?.subject?.trim();
  return {
    signIn: hasAny(lower, signInWords),
    fullPage: pdf || hasAny(lower, fullPageWords),
    pdf,
    subject: subject && !notSubjects.has(subject) ? subject : undefined,
    name: givenName(text),
  };
}

/** The question for the page when the request gives none. */
export function capturePageQuestion(capture: CaptureReading): PlanQuestion {
  return {
    id: 'url',
    text: `Which page should it take a screenshot of${capture.signIn ? ' once signed in' : ''}? Give its address, e.g. https://portal.example.com/dashboard${capture.signIn ? ': it signs in there too, since portals send you to their sign-in page first' : ''}.`,
  };
}

function fileNameFor(capture: CaptureReading, pageUrl: string): string {
  const base = (capture.subject ?? siteName(pageUrl))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'page'}.png`;
}

/** The agent's name: the one given, else after what it pictures, else after the site. */
export function captureName(capture: CaptureReading, pageUrl: string): string {
  return capture.name ?? `${titleCase(capture.subject ?? siteName(pageUrl))} Screenshot`;
}

/** The spec of a capture agent, and what it does in words for the reply. */
export function captureSpecFor(
  draft: PortalDraft & { capture: CaptureReading },
  name: string,
  connection: string | undefined,
): { spec: ReturnType<typeof screenshotSpec>; words: string } {
  const { capture } = draft;
  const pageUrl = (draft.listingUrl ?? draft.loginUrl) as string;
  const loginUrl = draft.loginUrl ?? pageUrl;
  const fileName = fileNameFor(capture, pageUrl);
  const spec = screenshotSpec({
    name,
    goal: draft.goal,
    pageUrl,
    fileName,
    fullPage: capture.fullPage,
    ...(capture.signIn && connection ? { signIn: { connection, loginUrl } } : {}),
  });
  const signsIn =
    capture.signIn && connection ? `signs in at ${loginUrl} with the "${connection}" login, ` : '';
  const pdf = capture.pdf
    ? ' (a PDF is not something it can save: the browser keeps pictures, so it saves the whole page as a PNG)'
    : '';
  return {
    spec,
    words: `${signsIn}opens ${pageUrl} and saves a ${capture.fullPage ? 'full-page ' : ''}screenshot of it, ${fileName}, as a deliverable of each run${pdf}`,
  };
}
