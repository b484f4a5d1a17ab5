import * as fs from 'node:fs';

/** `length` bytes of an open file at `position`, fewer when the file ends first. */
export function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const got = fs.readSync(fd, bytes, read, length - read, position + read);
    if (got === 0) break;
    read += got;
  }
  return bytes.subarray(0, read);
}
