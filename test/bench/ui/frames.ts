/// <reference lib="dom" />
// The gaps between requestAnimationFrame callbacks in a page or a webview's frame: how smoothly it draws meanwhile.
import type { Frame, Page } from 'playwright-core';

interface FrameRecorder {
  gaps: number[];
  last?: number;
  running: boolean;
}

declare global {
  interface Window {
    imeBenchFrames?: FrameRecorder;
  }
}

export function startFrameRecorder(target: Page | Frame): Promise<void> {
  return target.evaluate(() => {
    const recorder: FrameRecorder = { gaps: [], running: true };
    const onFrame = (now: number) => {
      if (!recorder.running) return;
      if (recorder.last !== undefined) recorder.gaps.push(now - recorder.last);
      recorder.last = now;
      requestAnimationFrame(onFrame);
    };
    window.imeBenchFrames = recorder;
    requestAnimationFrame(onFrame);
  });
}

/** The gaps (ms) since startFrameRecorder, which stops recording. */
export function stopFrameRecorder(target: Page | Frame): Promise<number[]> {
  return target.evaluate(() => {
    const recorder = window.imeBenchFrames;
    if (!recorder) return [];
    recorder.running = false;
    return recorder.gaps;
  });
}
