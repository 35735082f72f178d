// Keyboard shortcuts for the review queue (the page works without them):
// y same, n different, u unsure, z undo, j next pair, k previous pair.
"use strict";
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const keys = { y: "same", n: "different", u: "unsure" };
  const verdict = keys[event.key];
  if (verdict) {
    const button = document.querySelector(`button[name="verdict"][value="${verdict}"]`);
    if (button) { event.preventDefault(); button.click(); }
    return;
  }
  const links = { j: "a[rel='next']", k: "a[rel='prev']", z: "button#undo" };
  const selector = links[event.key];
  if (selector) {
    const element = document.querySelector(selector);
    if (element) { event.preventDefault(); element.click(); }
  }
});
