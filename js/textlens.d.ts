// Types of the textlens package (node.js and browser.js). The result types name the fields
// that unpack.js builds from the packed result (its header describes the format); the
// option ranges are those of src/options.rs (optionSpecs() at run time), which a Node
// test (tests/node/types.test.mjs) compares with the comments below.

/** Options of every call; all optional. Unknown names and out-of-range values throw an Error naming the option. */
export interface Options {
  /** Key phrases to return, 0–200 (default 10). */
  keywords?: number;
  /** Frequent terms to return, 0–500 (default 20). */
  terms?: number;
  /** Longest key phrase in words, 1–4 (default 4). */
  maxPhraseWords?: number;
  /** Sentences in the summary, 0–100 (default 3): at most, as a letter's greeting and sign-off never are. Ignored when summaryRatio is set. */
  summarySentences?: number;
  /** Summary length as a share of the sentences, (0, 1]. */
  summaryRatio?: number | null;
  /** Reading speed for readingTimeSeconds, 50–2,000 (default 230). */
  wordsPerMinute?: number;
  /** Longest accepted text in UTF-16 code units, 1–100,000,000 (default 20,000,000). */
  maxLength?: number;
  /** Leave out entity mentions less sure than this (their confidence), [0, 1] (default 0). */
  minConfidence?: number;
  /**
   * Your own entity lists: phrases that are always entities of a label (built-in or your
   * own upper-case one, such as PRODUCT), and `exclude`: phrases that are never entities.
   * A plain object is read at each call; pass an `EntityLists` prepared once when the
   * lists are long and the calls many. A bad list throws an Error naming the list and
   * entry ("PRODUCT[3]: the phrase is empty").
   */
  entityLists?: EntityListsSpec | EntityLists | null;
  /**
   * The text's language: "auto" (default) detects it; an ISO 639-1 code ("de", "fr", …)
   * says it. A code the analyzer does not know throws an Error naming it.
   */
  language?: Language;
}

/** "auto", or an ISO 639-1 code the analyzer knows. */
export type Language = "auto" | "en" | "de" | "fr" | "es" | "nl" | "it" | "pt" | "sv" | "pl" | "tr" | "id" | "da"
  | "fi" | "hu" | "no" | "ru" | "uk" | "zh" | "ja" | "ko" | "ar" | "he" | "el" | "hi" | "th";

/** A phrase, or a canonical name with other names of the same thing. */
export type ListEntry = string | { text: string; aliases?: string[] };

/**
 * One list: its entries, or `{ entries, caseSensitive }`. Matching is by whole words,
 * longest first, inflection-aware where the language has a stemmer ("Acme's" is
 * "Acme"); any casing unless `caseSensitive`, except that a phrase written all in lower
 * case gives way to a name found on capitalised text.
 */
export type EntityList = ListEntry[] | { entries: ListEntry[]; caseSensitive?: boolean };

/**
 * Lists by label: a built-in label or your own (capitals, digits and _, starting with a
 * capital, at most 32 characters), and `exclude`. At most 100,000 entries in all and
 * 64 KB per entry (text and aliases) by default.
 */
export type EntityListsSpec = { exclude?: EntityList } & { [label: Uppercase<string>]: EntityList };

/** Limits of `new EntityLists(lists, limits)`; each optional. */
export interface EntityListsLimits {
  /** Entries in all lists together (default 100,000). */
  maxEntries?: number;
  /** Bytes of UTF-8 of one entry, its text and aliases together (default 65,536). */
  maxEntryBytes?: number;
}

/**
 * Entity lists read and prepared once: pass it as `entityLists` to every call that
 * uses the same lists. The constructor throws an Error naming the list and entry of a
 * problem. `free()` releases its memory at once (otherwise it goes when collected).
 */
export class EntityLists {
  constructor(lists: EntityListsSpec, limits?: EntityListsLimits | null);
  /** How many entries there are in all lists. */
  readonly entries: number;
  free(): void;
}

/** One option's allowed values, as optionSpecs() lists them. */
export interface OptionSpec {
  /** The option's name in Options. */
  name: Exclude<keyof Options, "entityLists" | "language">;
  /** "count": a whole number from min to max; "share": a number greater than min, at most max; "number": a number from min to max. */
  kind: 'count' | 'share' | 'number';
  min: number;
  max: number;
  /** The value when the option is absent; null when the option is off unless given. */
  default: number | null;
  /** What the option sets. */
  doc: string;
}

/** A half-open range of UTF-16 code units: text.slice(start, end). */
export interface Span { start: number; end: number; }

/** The labels the analyzer finds by itself. */
export type BuiltinLabel = "PERSON" | "ORG" | "LOCATION" | "DATE" | "TIME" | "MONEY" | "PERCENT"
  | "EMAIL" | "URL" | "PHONE" | "HASHTAG" | "MENTION";
/** A built-in label, or one of your entity lists' own labels (upper case, such as "PRODUCT"). */
export type Label = BuiltinLabel | Uppercase<string>;

export interface Stats {
  characters: number; words: number; sentences: number; paragraphs: number;
  readingTimeSeconds: number; averageSentenceLength: number;
  /** ISO 639-1 code, or "und". */
  language: string;
}
export interface ScoredSentence extends Span { score: number; }
export interface Term { term: string; count: number; }
export interface Keyword { text: string; score: number; count: number; occurrences: Span[]; }
export interface Entity extends Span {
  text: string; label: Label; group: number;
  /** How sure the analysis is that this is a name of this type with these bounds, 0–1: of the mentions given 0.8, about 8 in 10 are right. */
  confidence: number;
}
export interface EntityGroup {
  text: string; label: Label; count: number; mentions: Span[];
  /** The confidence of its surest mention. */
  confidence: number;
}
export interface SummarySentence extends Span { index: number; text: string; score: number; }

/**
 * Which analyses ran in which language. A text is analysed in one language, that of
 * most of its words (or the `language` option's); an undetermined one ("und") as English.
 */
export interface Languages {
  /** The text's language, an ISO 639-1 code, or "und": detected, or the option's. */
  detected: string;
  /** The language whose stopwords and stemmer ran key phrases, terms and summary; null when it has no list. */
  words: string | null;
  /**
   * Names (people, organisations, places) in the detected language: "ready" when they were
   * looked for; "not-loaded" when its model was not loaded; "unavailable" when there is no
   * model for the language; "failed" when loading the model failed (see namesError).
   */
  names: "ready" | "not-loaded" | "unavailable" | "failed";
  /**
   * The language whose name model looks for the names: the detected one's own, or the
   * model it borrows (Italian and Portuguese use the Spanish one, "es"); null when
   * names is "unavailable".
   */
  model: string | null;
  /** Why the name model could not be loaded, when names is "failed". */
  namesError?: string;
}

export interface Analysis {
  stats: Stats;
  sentences: ScoredSentence[];
  terms: Term[];
  keywords: Keyword[];
  entities: Entity[];
  entityGroups: EntityGroup[];
  summary: SummarySentence[];
  languages: Languages;
}
export interface KeywordsResult { terms: Term[]; keywords: Keyword[]; languages: Languages; }
export interface EntitiesResult { entities: Entity[]; entityGroups: EntityGroup[]; languages: Languages; }
export interface SummaryResult { sentences: ScoredSentence[]; summary: SummarySentence[]; languages: Languages; }

/** Analyzes a text: statistics, sentences, terms, key phrases, entities and summary. */
export function analyze(text: string, options?: Options): Analysis;
/** Frequent terms and key phrases only. */
export function keywords(text: string, options?: Options): KeywordsResult;
/** Entity mentions and their groups only. */
export function entities(text: string, options?: Options): EntitiesResult;
/** Sentence scores and the summary only. */
export function summarize(text: string, options?: Options): SummaryResult;
/** Every option with its allowed values and default. */
export function optionSpecs(): OptionSpec[];

/**
 * Names in languages other than English come from a model per language (German, Spanish,
 * French, Dutch: ner-de.bin, … beside the wasm in the package; Italian and Portuguese use
 * the Spanish one, ner-es.bin), loaded the first time a text in that language asks for
 * entities and kept afterwards. In Node, analyze() and
 * entities() read it from the package at once. In browsers they cannot wait for a fetch:
 * their result says languages.names "not-loaded"; analyzeAsync() (or loadModel(), then
 * analyze() again) fetches the model once. Where it cannot be fetched (offline, blocked),
 * results have everything else and languages.names "failed" with languages.namesError.
 */
export function analyzeAsync(text: string, options?: Options): Promise<Analysis>;
/**
 * Loads the name model of `language` (an ISO 639-1 code with a model: "de", "es", "fr",
 * "nl"; "it" and "pt" load the Spanish one): from `source` (the model file's bytes, or
 * its URL) when given, else from the package (Node) or next to this module (browsers). Resolves when later analyses of that
 * language find names; rejects with an Error saying why not (an unknown language, a failed
 * fetch, bytes that are no model), which later results of the language carry as
 * languages.namesError. Loading a language again keeps the first model.
 */
export function loadModel(language: string, source?: BufferSource | URL | string): Promise<void>;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;
export interface InitOutput { readonly memory: WebAssembly.Memory; }

/**
 * Loads the wasm; call it once before the functions above. In browsers it fetches
 * textlens_bg.wasm next to the module unless given a URL, a Response or bytes; in Node
 * the module is ready on import and this resolves at once.
 */
export default function init(module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
/** Instantiates the wasm synchronously from bytes or a compiled module. */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;
