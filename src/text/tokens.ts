/**
 * Words and the spaces or punctuation between them, in order and as typed, so a text can be
 * put back together after some words are rewritten. (`words` in terms.ts gives the lower-cased
 * words a text is searched with.)
 */
export function tokenise(text: string): string[] {
  return text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}]|['’.-](?=[\p{L}\p{N}])|(?<=\d),(?=\d))*|[^\p{L}\p{N}]+/gu) ?? [];
}

/** Whether a token of `tokenise` is a word or number, not the space or punctuation between. */
export const isWordToken = (token: string): boolean => /^[\p{L}\p{N}]/u.test(token);
