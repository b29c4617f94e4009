// Reading what a person says went wrong with a portal agent: it reads too few pages, its files
// moved behind a link or tab or to another address, its sign-in page changed, its rows are marked
// otherwise now. One message may say several; each becomes a change (portal-fix-specs.ts).
import { urlsIn } from './request-text.ts';
import { typoDistance } from './typo-distance.ts';
import {
  changedWords,
  containerSubjects,
  listingNouns,
  loadMoreWords,
  mendedWords,
  morePagesPatterns,
  movedToPatterns,
  nextLinkPatterns,
  notListingPages,
  placeWords,
  plainLinkWords,
  scrollWords,
  secretWords,
  selectorSubjects,
  signInMention,
  signInPageWords,
} from './vocabulary/portal-fix-vocabulary.ts';

export type PortalFix =
  | { kind: 'pages'; next?: string; mode?: 'next' | 'loadMore' | 'scroll' }
  | { kind: 'moved'; label: string }
  | { kind: 'listingUrl'; url: string }
  | { kind: 'login'; url?: string }
  | { kind: 'selector'; selector: string; container: boolean };

const mended = new Set(mendedWords);

/** A slip of the keyboard mended: one letter off a known word (only swapped letters in short words). */
function mendWord(word: string): string {
  if (word.length < 3 || mended.has(word)) return word;
  for (const known of mendedWords) {
    const longest = Math.max(word.length, known.length);
    const distance = typoDistance(word, known);
    const swapped = word.length === known.length && [...word].sort().join('') === [...known].sort().join('');
    if (distance === 1 && (longest >= 5 || swapped)) return known;
  }
  return word;
}

/** The message in lower case, addresses out, "’" as "'", and its slips mended. */
export function mendedText(text: string): string {
  let lower = text.toLowerCase().replace(/[’‘]/g, "'");
  for (const url of urlsIn(text)) lower = lower.replace(url.toLowerCase(), ' ');
  return lower.replace(/[a-z]+/g, (word) => mendWord(word));
}

/** "The link says Older", "the button is called ›": a link named outright. */
const namedNextLink = nextLinkPatterns[0] as RegExp;

/** The link text or symbol that leads to the next page, when the person names one. */
function nextLink(text: string): string | undefined {
  for (const pattern of nextLinkPatterns) {
    const label = pattern.exec(text)?.groups?.label?.trim();
    if (label && !plainLinkWords.has(label.toLowerCase())) return label;
  }
  return undefined;
}

function readPages(text: string, lower: string): PortalFix | undefined {
  const withoutOtherPages = lower.replace(notListingPages, ' ');
  const loadMore = loadMoreWords.exec(text);
  const scrolls = scrollWords.test(lower);
  // "The next link says Older" alone is about the pages too: the link to follow is named.
  const named = namedNextLink.test(text) && /\b(?:next|older|newer|previous|page|pages|›|»|>)/i.test(text);
  if (
    !morePagesPatterns.some((pattern) => pattern.test(withoutOtherPages)) &&
    !loadMore &&
    !scrolls &&
    !named
  )
    return undefined;
  if (loadMore) return { kind: 'pages', next: `text=${loadMore[0]}`, mode: 'loadMore' };
  if (scrolls) return { kind: 'pages', mode: 'scroll' };
  const label = nextLink(text);
  return label ? { kind: 'pages', next: `text=${label}`, mode: 'next' } : { kind: 'pages' };
}

function readLogin(text: string, lower: string): PortalFix | undefined {
  if (!signInMention.test(lower) || secretWords.test(lower)) return undefined;
  const url = urlsIn(text)[0];
  if (!changedWords.test(lower) || !(signInPageWords.test(lower) || url)) return undefined;
  return url ? { kind: 'login', url } : { kind: 'login' };
}

function readSelector(text: string): PortalFix | undefined {
  const found = selectorSubjects.exec(text.replace(/https?:\/\/\S+/g, ' '))?.groups;
  if (!found?.selector || !found.subject) return undefined;
  const selector = found.selector
    .replace(/^`|`$/g, '')
    .replace(/\s+(?:now|instead|there)$/i, '')
    .trim();
  return { kind: 'selector', selector, container: containerSubjects.has(found.subject.toLowerCase()) };
}

/** Words that say the listing is somewhere else now, not only where it is. */
const movedWords =
  /\b(?:moved?|moving|now|relocated|put|changed|lives)\b|\b(?:tab|link|menu|button|section) first\b/;

/** Names that say no place of their own: "moved to a different page". */
const vagueNames =
  /^(?:a|an|another|different|new|other|some|somewhere|elsewhere|their|this|that|my|our|your|it|them|page|pages|next)\b/i;

function readMoved(text: string, lower: string): PortalFix | undefined {
  if (!listingNouns.test(lower) || !movedWords.test(lower)) return undefined;
  const url = urlsIn(text)[0];
  if (url) return { kind: 'listingUrl', url };
  const words = text.replace(/[’‘]/g, "'");
  for (const pattern of movedToPatterns) {
    const raw = pattern.exec(words)?.groups?.name;
    if (!raw) continue;
    const name = raw
      .split(/[,;!?]|\.(?:\s|$)|\s+(?:and|but|so|because)\s+/)[0]
      ?.replace(placeWords, '')
      .replace(/^["'“‘]|["'”’]$/g, '')
      .trim();
    if (!name || name.length > 40 || name.split(/\s+/).length > 5 || vagueNames.test(name)) continue;
    return { kind: 'moved', label: name };
  }
  return undefined;
}

/** What the message says went wrong with a portal agent, as changes; empty when it says none. */
export function readPortalFixes(text: string): PortalFix[] {
  const lower = mendedText(text);
  const login = readLogin(text, lower);
  // "The login page moved": a sign-in page, not the listing.
  if (login) return [login];
  const selector = readSelector(text);
  const moved = selector ? undefined : readMoved(text, lower);
  const pages = readPages(text, lower);
  return [selector, moved, pages].filter((fix): fix is PortalFix => fix !== undefined);
}
