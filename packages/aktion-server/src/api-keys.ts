/**
 * The description reads 1004 ("ApiKey is invalid") as a key that is not the
 * base64 form of 16 bytes, like the page's `hDn/LFXIPESM036W+s7VKg==`; such a
 * key is refused before any user is looked up. (The form is in the
 * description's prose, not its schema, so that it answers 1004 and not 1002.)
 */
const API_KEY_FORM = /^[A-Za-z0-9+/]{22}==$/;

export function isWellFormedApiKey(apiKey: string): boolean {
  return API_KEY_FORM.test(apiKey);
}
