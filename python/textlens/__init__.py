"""Key phrases, terms, named entities and an extractive summary of texts.

Results are plain dicts with the fields of textlens's JSON Lines protocol; offsets are
Python string indices (code points), so ``text[start:end]`` is the span.
"""

from ._textlens import Analyzer, __version__, analyze, analyze_batch

__all__ = ["Analyzer", "analyze", "analyze_batch", "__version__"]
