// The entity lists of <text-analyzer>: what its child script holds, and what teaching a
// phrase does to them. Pure functions (tested under Node), apart from reading the script.

/** The child script that may hold the element's entity lists. */
export const LISTS_SCRIPT = 'script[type="application/json"][data-entity-lists]';

/** A custom label as entity lists take it (src/entities/entity.rs, CustomLabel). */
export const CUSTOM_LABEL = /^[A-Z][A-Z0-9_]{0,31}$/;

/** Longest selection offered for teaching: a name, not a paragraph. */
export const TEACH_CHARS = 200;

/**
 * The lists in `host`'s child script: { lists } (null without a script), or { error }
 * when its content is not JSON.
 */
export function scriptLists(host) {
  const script = host.querySelector(LISTS_SCRIPT);
  if (!script) return { lists: null };
  try {
    return { lists: JSON.parse(script.textContent || 'null') };
  } catch (error) {
    return { error: `The entity lists script is not JSON: ${error.message}` };
  }
}

/** Calls `changed()` whenever `host`'s lists script is added, removed or edited; returns the observer. */
export function watchScript(host, changed) {
  const touched = (node) => node.closest?.(LISTS_SCRIPT) || node.matches?.(LISTS_SCRIPT);
  const observer = new MutationObserver((changes) => {
    if (changes.some((c) => touched(c.target) || [...c.addedNodes, ...c.removedNodes].some(touched))) changed();
  });
  observer.observe(host, { childList: true, subtree: true, characterData: true });
  return observer;
}

/**
 * A selected text as a phrase of a list: white space collapsed, punctuation around it
 * dropped (a final period stays: "Acme Inc."); '' when nothing of a name is left or the
 * selection is longer than TEACH_CHARS.
 */
export function cleanPhrase(raw) {
  const phrase = String(raw ?? '').replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
  return phrase.length <= TEACH_CHARS && /[\p{L}\p{N}]/u.test(phrase) ? phrase : '';
}

/** A label typed by a user, as a custom label ("product line" → "PRODUCT_LINE"), or null. */
export function labelOf(typed) {
  const label = String(typed ?? '').trim().toUpperCase().replace(/[\s-]+/g, '_');
  return CUSTOM_LABEL.test(label) ? label : null;
}

/**
 * New lists where `phrase` is in the list `key` (a label, or 'exclude') and in no other:
 * a phrase is always one thing. `lists` is not changed; a list written as
 * { entries, caseSensitive } keeps that form, and a list left empty is dropped.
 */
export function taught(lists, phrase, key) {
  const next = lists ? structuredClone(lists) : {};
  const textOf = (entry) => (typeof entry === 'string' ? entry : entry?.text);
  for (const [name, list] of Object.entries(next)) {
    const entries = Array.isArray(list) ? list : (list?.entries ?? []);
    const kept = entries.filter((entry) => textOf(entry) !== phrase);
    if (!kept.length) delete next[name];
    else next[name] = Array.isArray(list) ? kept : { ...list, entries: kept };
  }
  const list = next[key];
  if (list && !Array.isArray(list)) list.entries.push(phrase);
  else next[key] = [...(list ?? []), phrase];
  return next;
}
