/** Whether a UTF-16 code unit is white space as /\s/ (and String.prototype.trim) define it. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** text.replace(/\s+/g, '').length, without building the string. */
export function visibleChars(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) if (!isWhiteSpace(text.charCodeAt(index))) count++;
  return count;
}

/** The run of non-space characters text ends with (/(\S+)$/), found from the end rather than the start. */
export function lastWordOf(text: string): string {
  let start = text.length;
  while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--;
  return text.slice(start);
}
