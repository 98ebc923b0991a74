/** Text lines from a stream, read as the consumer asks for them (the stream's own backpressure). */
import type { Readable } from 'node:stream';

/**
 * Yields each `\n`-terminated line without its terminator, then the unterminated rest if there is
 * one: a reader that needs every line terminated (a file that must end in a trailer) checks the
 * last line itself.
 */
export async function* linesOf(stream: Readable): AsyncGenerator<string> {
  stream.setEncoding('utf8'); // decodes a character split across two chunks whole
  let carry = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      yield carry + chunk.slice(start, end);
      carry = '';
      start = end + 1;
    }
    carry += chunk.slice(start);
  }
  if (carry) yield carry;
}
