"""Types of the textlens module. Offsets are code points (Python string indices), end
exclusive: ``text[span["start"]:span["end"]]`` is the span's text."""

from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, TypedDict, Union

__version__: str

class Span(TypedDict):
    start: int
    """First code point of the span."""
    end: int
    """One past the last code point."""

class Keyword(TypedDict):
    text: str
    score: float
    """Importance, higher is better, in 0..1."""

class Term(TypedDict):
    term: str
    count: int

BuiltinLabel = Literal["PERSON", "ORG", "LOCATION", "DATE", "TIME", "MONEY", "PERCENT", "EMAIL", "URL", "PHONE", "HASHTAG", "MENTION"]
Label = Union[BuiltinLabel, str]
"""A built-in label, or one of your entity lists' own upper-case labels ("PRODUCT")."""

class ListEntryWithAliases(TypedDict, total=False):
    text: str
    """The canonical name: the text of the entity group of every match."""
    aliases: List[str]

ListEntry = Union[str, ListEntryWithAliases]
EntityList = Union[List[ListEntry], Dict[str, Any]]
"""A list of entries, or {"entries": [...], "case_sensitive": bool}."""
EntityLists = Dict[str, EntityList]
"""Lists by label (a built-in one or your own: capitals, digits and _), and "exclude"
for phrases that are never entities. Given as the option `entity_lists`."""

class Entity(TypedDict):
    text: str
    label: Label
    start: int
    end: int
    confidence: float
    """How sure the analysis is that this is a name of this type with these bounds, 0 to 1:
    of the mentions given 0.8, about 8 in 10 are right."""

class EntityGroup(TypedDict):
    text: str
    """The canonical name."""
    label: Label
    count: int
    mentions: List[Span]
    confidence: float
    """The confidence of its surest mention."""

class SummarySentence(TypedDict):
    start: int
    end: int
    text: str

class Languages(TypedDict):
    """Which analyses ran in which language (one language for the whole text)."""
    detected: str
    """ISO 639-1 code, or "und": detected, or the `language` option's."""
    words: Optional[str]
    """The language whose stopwords and stemmer ran key phrases, terms and summary; None without a list."""
    names: Literal["ready", "not-loaded", "unavailable"]
    """Whether names were looked for in the detected language's model."""
    model: Optional[str]
    """The language whose name model looked for names: the detected one, or the one it borrows ("es" for "it" and "pt"); None without a model."""

class Analysis(TypedDict, total=False):
    """One text's answer. `language` and `languages` are always there; a section switched off is absent."""
    language: str
    """ISO 639-1 code, or "und"."""
    languages: Languages
    sentences: List[Span]
    keywords: List[Keyword]
    """Best first."""
    terms: List[Term]
    entities: List[Entity]
    """Every mention, in document order."""
    entity_groups: List[EntityGroup]
    summary: List[SummarySentence]
    """In document order."""

class Failure(TypedDict):
    """A text of a batch that could not be analysed."""
    error: str

def analyze(text: str, **options: Any) -> Analysis:
    """Analyses one text with protocol options (`keywords=5`, `summary_sentences=2`, `language="de"`,
    `entities=False`, `entity_lists={...}`, ...). Raises ValueError for a bad option
    (naming the list and entry of bad entity lists) or a text over `max_length`,
    TypeError when `text` is not a str."""

def analyze_batch(texts: Iterable[str], threads: Optional[int] = None, **options: Any) -> List[Union[Analysis, Failure]]:
    """Analyses every text on `threads` threads (default: every core) without holding
    the GIL; one result per text, in order. A text that fails gets a Failure."""

class Analyzer:
    """Options checked once, entity lists prepared once. Pickles as its options (a
    plain dict, entity lists included)."""
    def __init__(self, options: Optional[Mapping[str, Any]] = None, **more: Any) -> None: ...
    @property
    def options(self) -> Dict[str, Any]:
        """A copy of the options."""
    def analyze(self, text: str) -> Analysis: ...
    def analyze_batch(self, texts: Iterable[str], threads: Optional[int] = None) -> List[Union[Analysis, Failure]]: ...
