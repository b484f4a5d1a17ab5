import { runMochaSuite } from '../runMocha';

/** The tests module test-electron hands to the extension host: runs this folder's *.test.js. */
export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
