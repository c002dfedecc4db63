// Long work on the main thread, cut into slices: SLICE_MS of work, then the browser gets
// the thread back for input and for painting a frame.

export const SLICE_MS = 8;

/**
 * Resolves once the browser has had the thread for input and for painting a frame.
 * Chrome runs queued tasks before rendering for up to about 100 ms, so yielding to the
 * task queue alone would leave the page unpainted that long: the wait is for the next
 * animation frame, and a message posted from it arrives after that frame is painted.
 * Hidden pages get no frames; a timer takes over there.
 */
let channel = null;
const waiting = [];

export function afterNextFrame() {
  // Made on first use, so that importing this module starts nothing (Node's tests do).
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    let posted = false;
    const post = () => {
      if (posted) return;
      posted = true;
      clearTimeout(timer);
      waiting.push(resolve);
      channel.port2.postMessage(null);
    };
    const timer = setTimeout(post, 100);
    requestAnimationFrame(post);
  });
}

/**
 * Runs `step` until it returns false, in slices of SLICE_MS, one per frame; the first
 * slice runs now, until `firstDeadline`.
 */
export async function sliced(step, firstDeadline = performance.now() + SLICE_MS) {
  for (let deadline = firstDeadline; ; deadline = performance.now() + SLICE_MS) {
    while (performance.now() < deadline) if (!step()) return;
    await afterNextFrame();
  }
}
