/**
 * Characters that show as nothing: zero-width spaces and joiners, the word joiner, byte order
 * marks, direction marks, soft hyphens, fillers, variation selectors and tags (Unicode's
 * default-ignorable characters), and the blank braille pattern.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Text as people see it: without invisible characters, so a question of nothing but them is empty. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, "");
}
