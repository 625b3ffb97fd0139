// The write forms of both families (legacy/writes.ts, live/writes.ts) as one file beside the bundle
// (dist/writeForms.js), loaded the first time a row is asked for its changes (loadWriteForms): nothing of them is
// parsed at activation. The file has its own copy of @vscode/l10n, given the same bundle here; everything else it
// holds is pure (the forms call the API through the client their row hands them).
import * as apiL10n from '@vscode/l10n';
import { l10n } from 'vscode';

if (l10n.bundle) apiL10n.config({ contents: l10n.bundle });

export { legacyAppWrites, legacyGroupWrites } from './legacy/writes';
export { liveAppWrites, liveGroupWrites } from './live/writes';
