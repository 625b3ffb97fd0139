// Runs every test suite (unit in plain Node, then integration inside the real VS Code extension host)
// and ends with one line "N passed, N failed" for all suites together.
// Expects `node esbuild.js` and `tsc -p .` to have run (the npm "test" script does both).
// Flags: --unit (unit suite only), --integration (integration suite only).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const mochaModule = require('mocha');
const Mocha = mochaModule.default ?? mochaModule; // mocha 12 is an ES module

const root = path.resolve(__dirname, '..');
const only = process.argv.slice(2);
const wants = (suite) => only.length === 0 || only.includes(`--${suite}`);

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}

function runUnit() {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'test/unit/.mocharc.json'), 'utf8'));
  const mocha = new Mocha({ timeout: config.timeout, reporter: 'spec', color: !process.env.CI });
  for (const file of findTests(path.join(root, 'out/test/unit'))) mocha.addFile(file);
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures }));
  });
}

/** Runs a suite's script, relaying its output, and reads its own "SUITE: N passed, N failed" line. */
function runScript(suite, script) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, script)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => {
      const match = new RegExp(`^${suite}: (\\d+) passed, (\\d+) failed`, 'm').exec(output);
      if (!match) {
        console.error(`${suite}: the run ended (exit ${code}) without its summary line; counted as 1 failure`);
        resolve({ passed: 0, failed: 1 });
        return;
      }
      const failed = Number(match[2]) + (code !== 0 && Number(match[2]) === 0 ? 1 : 0);
      resolve({ passed: Number(match[1]), failed });
    });
  });
}

async function main() {
  const results = [];
  if (wants('unit')) results.push(['unit', await runUnit()]);
  if (wants('integration')) results.push(['integration', await runScript('integration', 'test/integration/run.js')]);
  let passed = 0;
  let failed = 0;
  for (const [suite, result] of results) {
    console.log(`${suite}: ${result.passed} passed, ${result.failed} failed`);
    passed += result.passed;
    failed += result.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
