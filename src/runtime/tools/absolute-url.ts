// Links and image sources as the page wrote them ("/jobs/12") are made absolute with the page's
// address, so that they still lead somewhere once read out of the page.

/** The address `value` points to from `baseUrl`; as written when there is no base or it is no address. */
export function absoluteUrl(value: string, baseUrl: string | undefined): string {
  if (!baseUrl) return value;
  try {
    return new URL(value, baseUrl).toString();
  } catch {
    return value;
  }
}
