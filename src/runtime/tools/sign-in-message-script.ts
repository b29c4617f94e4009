// What runs inside the sign-in page to find why a sign-in was refused, however the site shows it:
// alert and live regions, error-looking classes and ids, a field marked invalid with the text
// that describes it, and in general text that appeared after the submit, nearest the form first.
// They are plain JavaScript in strings: the page runs them as they are, and a loader that renames
// or wraps functions (tsx keeps names with helper calls the page does not have) cannot reach them.

/**
 * The visible text of every element on the page, whitespace folded: what was there before the
 * submit, so that only what is new afterwards counts as the site's answer.
 */
export const visibleTextsScript = String.raw`(() => {
  // Open shadow roots too: a web component's form and its message live inside one (and the
  // text of a shadow root is not part of its host's innerText).
  const roots = [document];
  for (let index = 0; index < roots.length; index++) {
    for (const element of roots[index].querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  const all = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
  const texts = new Set();
  for (const element of all('*')) {
    if (!(element instanceof HTMLElement)) continue;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const text = element.innerText.replace(/\s+/g, ' ').trim();
    if (text.length > 0 && text.length <= 1000) texts.add(text);
  }
  return [...texts];
})()`;

/**
 * A function of the texts seen before the submit; it answers with the most likely message of a
 * refused sign-in, or null. Tiers, best first: explicit error signs (role=alert, a field's
 * aria-invalid description, classes like error or danger), then softer ones (live regions,
 * output, classes like message or notice), then any new block of text. Within a tier, the
 * candidate nearest the sign-in form wins. Wrappers give way to the element inside them that
 * holds most of their text, and anything holding form fields is not a message.
 */
export const signInMessageScript = String.raw`(before) => {
  const seen = new Set(before);
  // Open shadow roots too: a web component's form and its message live inside one (and the
  // text of a shadow root is not part of its host's innerText).
  const roots = [document];
  for (let index = 0; index < roots.length; index++) {
    for (const element of roots[index].querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  const all = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
  // A short "Signing in…" or "Please wait" that says nothing went wrong.
  const inProgress = (text) =>
    text.length <= 60 &&
    !/fail|wrong|invalid|incorrect|error|denied|refused|not |n't/i.test(text) &&
    (/^(loading|signing in|logging in|please wait|verifying|checking|submitting|authenticating)\b/i.test(text) ||
      /(…|\.\.\.)$/.test(text));
  const strongWords = new Set(['err', 'error', 'errors', 'invalid', 'danger', 'alert', 'alerts', 'fail', 'failed', 'failure']);
  const softWords = new Set(['warning', 'warn', 'notice', 'notification', 'flash', 'message', 'messages', 'msg', 'feedback', 'toast', 'snackbar', 'status']);
  // What an element is called: its class, id, test id and tag (Angular Material's <mat-error>).
  const nameWords = (element) =>
    ['class', 'id', 'data-testid', 'data-test']
      .map((name) => element.getAttribute(name) || '')
      .concat(element.localName.includes('-') ? element.localName : '')
      .join(' ')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length > 0);
  const visible = (element) => {
    if (!(element instanceof HTMLElement)) return false;
    if (element.closest('[aria-hidden=true]')) return false;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  // A close button's "×" is not part of what the site said.
  const textOf = (element) => {
    let text = element.innerText;
    for (const button of element.querySelectorAll('button, [role=button]')) {
      const label = button.innerText.trim();
      if (label) text = text.replace(label, ' ');
    }
    return text.replace(/\s+/g, ' ').trim();
  };
  const holdsFields = (element) =>
    element.matches('form') ||
    element.querySelector('form, textarea, select, input:not([type=hidden]):not([type=submit]):not([type=button])') !== null;
  const usable = (element) => {
    if (!visible(element) || holdsFields(element)) return undefined;
    // Labels may be messages (jQuery Validate's label.error): the form's own were there before.
    if (element.closest('script, style, noscript, template, title, option, nav, a, button')) return undefined;
    const text = textOf(element);
    if (text.length < 2 || text.length > 1000 || seen.has(text) || /cookie/i.test(text)) return undefined;
    // "Signing in…" is not the answer yet: the answer replaces it.
    if (inProgress(text)) return undefined;
    return text;
  };

  const password = all('input[type=password]').find(visible);
  const anchor = (password && password.form) || password || all('form').find(visible);
  const anchorBox = anchor ? anchor.getBoundingClientRect() : undefined;
  const distance = (element) => {
    if (!anchorBox) return 0;
    const box = element.getBoundingClientRect();
    const across = Math.max(0, anchorBox.left - box.right, box.left - anchorBox.right);
    const down = Math.max(0, anchorBox.top - box.bottom, box.top - anchorBox.bottom);
    return Math.hypot(across, down);
  };

  const candidates = new Map();
  const offer = (element, tier) => {
    if (!element) return;
    const known = candidates.get(element);
    if (known) {
      known.tier = Math.min(known.tier, tier);
      return;
    }
    const text = usable(element);
    if (text !== undefined) candidates.set(element, { element, text, tier });
  };
  for (const field of all('[aria-invalid=true]')) {
    const ids = ((field.getAttribute('aria-describedby') || '') + ' ' + (field.getAttribute('aria-errormessage') || ''))
      .split(/\s+/)
      .filter((id) => id.length > 0);
    // The ids name elements of the field's own tree: the document, or its shadow root.
    for (const id of ids) offer(field.getRootNode().getElementById(id), 0);
  }
  for (const element of all('[role=alert], [role=alertdialog]')) offer(element, 0);
  for (const element of all('[aria-live]:not([aria-live=off]), [role=status], output')) offer(element, 1);
  for (const element of all('*')) {
    const words = nameWords(element);
    if (words.some((word) => strongWords.has(word))) offer(element, 0);
    else if (words.some((word) => softWords.has(word))) offer(element, 1);
  }

  // A wrapper whose inner candidate holds at least half its text gives way to it (a role=alert
  // around a p.error); otherwise the wrapper stands and the part inside it (a title) goes.
  const chosen = [...candidates.values()];
  const inner = (outer) => chosen.filter((other) => other !== outer && outer.element.contains(other.element));
  const specific = chosen.filter(
    (candidate) => !inner(candidate).some((other) => other.text.length * 2 >= candidate.text.length),
  );
  const standing = specific.filter(
    (candidate) => !specific.some((other) => other !== candidate && other.element.contains(candidate.element)),
  );

  // The general case: a block of text that was not there before, the innermost one.
  if (standing.length === 0) {
    const blocks = [];
    for (const element of all('*')) {
      if (!(element instanceof HTMLElement)) continue;
      // Inline text (a <strong>Error:</strong>) counts as part of the block around it.
      const inline = getComputedStyle(element).display === 'inline';
      if (inline && element.parentElement && usable(element.parentElement) !== undefined) continue;
      const text = usable(element);
      if (text !== undefined && text.length <= 300) blocks.push({ element, text, tier: 2 });
    }
    for (const block of blocks) {
      if (!blocks.some((other) => other !== block && block.element.contains(other.element))) standing.push(block);
    }
  }
  if (standing.length === 0) return null;
  standing.sort((one, other) => one.tier - other.tier || distance(one.element) - distance(other.element));
  return standing[0].text;
}`;
