// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** True when the text holds NUL or another control character (tab and line breaks do not count). */
export function hasControlChars(value: string): boolean {
  return value.search(CONTROL_CHARS) !== -1;
}

/** Text as typed minus NUL and the other control characters (tab and line breaks stay); they never reach a page. */
export function stripControlChars(value: string): string {
  return value.replace(CONTROL_CHARS, "");
}
