// Where the rows get their write forms from: writeForms.ts, its own file, required on first use.
import type * as WriteForms from './writeForms';

let loaded: typeof WriteForms | undefined;

export function writeForms(): typeof WriteForms {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred require is what keeps activation cheap
  loaded ??= require('./writeForms') as typeof WriteForms;
  return loaded;
}
