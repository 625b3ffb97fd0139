// Runs every test suite and ends with one line "N passed, N failed" for all suites together:
//   unit         mocha in plain Node
//   integration  mocha inside the real VS Code extension host (code-server), test/integration/run.js
//   electron     the same suite in desktop VS Code through @vscode/test-electron; SKIP where none can be had
//   e2e          Playwright driving the real workbench as a user, test/e2e/run.js
// Expects `node esbuild.js` and `tsc -p .` to have run (the npm "test" script does both).
// Flags: --unit, --integration, --electron, --e2e select suites (default: all).
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

/**
 * Runs a suite's script, relaying its output, and reads its own "SUITE: N passed, N failed" line.
 * A script that prints a line starting with "SKIP:" and exits 0 counts as skipped.
 */
function runScript(suite, script) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, script)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => {
      if (code === 0 && /^SKIP:/m.test(output)) {
        resolve({ skipped: true, passed: 0, failed: 0 });
        return;
      }
      const name = suite.replace(/[()]/g, '\\$&');
      const match = new RegExp(`^${name}: (\\d+) passed, (\\d+) failed`, 'm').exec(output);
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
  if (wants('electron')) results.push(['integration (VS Code desktop)', await runScript('integration (VS Code desktop)', 'test/integration/runElectron.js')]);
  if (wants('e2e')) results.push(['e2e', await runScript('e2e', 'test/e2e/run.js')]);
  let passed = 0;
  let failed = 0;
  for (const [suite, result] of results) {
    if (result.skipped) {
      console.log(`${suite}: skipped (see the SKIP line above)`);
      continue;
    }
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
