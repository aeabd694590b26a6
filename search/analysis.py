"""Text analysis shared by both engines: both index and query the tokens produced here.

normalise (NFKC folds full-width forms, then lower-case) → segment with rjieba in search
mode (compounds and their parts) using a domain dictionary → drop stop words, punctuation,
single characters and bare numbers → rewrite synonyms to one canonical term.

The analyzer is built once per process (the dictionary load is the slow part) and is
safe to share between threads.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import rjieba

DATA_DIR = Path(__file__).resolve().parent / "data"
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)
_NUMBER = re.compile(r"^[\d.,%]+$")
_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
_MIXED = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[a-z0-9]")
_SCRIPT_RUN = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9][a-z0-9.+\-]*")
_SPLIT_VOCABULARY = re.compile(r"[、，,；;（）()\s/和及与]+")

# Other apps add words to the dictionary (e.g. the GB/T 4754 names) without this module
# importing them: ``register_vocabulary(lambda: [...])`` in their AppConfig.ready().
MEMO_LIMIT = 500_000

_vocabulary_providers: list[Callable[[], Iterable[str]]] = []


def register_vocabulary(provider: Callable[[], Iterable[str]]) -> None:
    _vocabulary_providers.append(provider)
    global _analyzer
    _analyzer = None  # rebuilt with the new words on next use


def _read_lines(name: str) -> list[str]:
    lines = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def normalise(text: str) -> str:
    """Fold full-width forms and compatibility characters, then lower-case."""
    text = text or ""
    if not unicodedata.is_normalized("NFKC", text):  # the quick check is much cheaper
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise, remembering where each folded character came from (NFKC may turn one
    character into several, e.g. "㎜" into "mm"; then it is done character by character)."""
    whole = normalise(text)
    if len(whole) == len(text):
        return whole, [*range(len(text)), len(text)]
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = unicodedata.normalize("NFKC", char).lower()
        folded.append(piece)
        origin.extend([index] * len(piece))
    origin.append(len(text))
    return "".join(folded), origin


@dataclass(frozen=True)
class Token:
    term: str  # the indexed form (normalised, canonical synonym)
    start: int  # character offsets in the original text
    end: int


class Analyzer:
    def __init__(self, words: Iterable[str], synonyms: Iterable[str], stop_words: Iterable[str]):
        self._jieba = rjieba.Jieba()
        self.synonyms: dict[str, str] = {}
        for line in synonyms:
            terms = [normalise(t.strip()) for t in line.split(",") if t.strip()]
            for term in terms[1:]:
                self.synonyms[term] = terms[0]
            words = [*words, *terms]
        for word in words:
            for part in _SPLIT_VOCABULARY.split(normalise(word)):
                if len(part) >= 2:
                    self._jieba.add_word(part, 20000, "n")
        self.stop_words = frozenset(normalise(w) for line in stop_words for w in line.split())
        self._expanded: dict[str, tuple[str, ...]] = {}
        self._whole: dict[str, tuple[str, ...]] = {}

    @staticmethod
    def _keep(term: str) -> bool:
        """Single characters, punctuation and bare numbers carry no meaning on their own."""
        return len(term) >= 2 and bool(_WORD.search(term)) and not _NUMBER.match(term)

    def tokens(
        self, text: str, *, keep_stop_words: bool = False, expand: bool = True
    ) -> list[Token]:
        """Return the tokens of ``text`` with their character offsets in the original.

        ``expand`` adds the dictionary words inside long Chinese words (for the index, so a
        search for "碳化" finds "碳化硅"); queries and key terms use whole words only.
        """
        folded, origin = _fold_with_map(text or "")
        result = []
        for word, start, end in self._segments(folded, expand):
            term = word.strip()
            if not self._keep(term):
                continue
            if not keep_stop_words and term in self.stop_words:
                continue
            result.append(Token(self.synonyms.get(term, term), origin[start], origin[end]))
        return result

    def _segments(self, folded: str, expand: bool):
        """Words, plus (``expand``) the dictionary words inside longer Chinese words
        (jieba's search mode), but never pieces of Latin words: "sic" must not yield "ic"."""
        for word, start, end in self._jieba.tokenize(folded):
            if _MIXED.search(word) and _LATIN.search(word):
                # "碳化硅mosfet" is two words in two scripts: index them apart.
                for run in _SCRIPT_RUN.finditer(word):
                    yield run.group(), start + run.start(), start + run.end()
                continue
            yield word, start, end
            if expand and end - start > 2 and _CJK_WORD.match(word):
                for part, part_start, part_end in self._jieba.tokenize(word, mode="search"):
                    if part_end - part_start < end - start:
                        yield part, start + part_start, start + part_end

    def terms(self, text: str, *, expand: bool = True) -> list[str]:
        """Return the terms of ``text``, in order, repeats kept (for term frequency).

        The indexing path: no offsets are needed, and each distinct word is analyzed once
        per process (a memo), so the cost per word is one dictionary lookup.
        """
        memo = self._expanded if expand else self._whole
        result: list[str] = []
        for word in self._jieba.cut(normalise(text)):
            terms = memo.get(word)
            if terms is None:
                terms = self._word_terms(word, expand)
                if len(memo) > MEMO_LIMIT:
                    memo.clear()
                memo[word] = terms
            result.extend(terms)
        return result

    def _word_terms(self, word: str, expand: bool) -> tuple[str, ...]:
        if _MIXED.search(word) and _LATIN.search(word):
            pieces = _SCRIPT_RUN.findall(word)
        else:
            pieces = [word]
            if expand and len(word) > 2 and _CJK_WORD.match(word):
                pieces += [p for p in self._jieba.cut_for_search(word) if len(p) < len(word)]
        terms = []
        for piece in pieces:
            piece = piece.strip()
            if self._keep(piece) and piece not in self.stop_words:
                terms.append(self.synonyms.get(piece, piece))
        return tuple(terms)

    def query_terms(self, text: str) -> list[str]:
        """Return the distinct whole-word terms of a user's query; stop words are kept when
        the query has nothing else, so that searching for "系统" still finds something."""
        tokens = self.tokens(text, expand=False) or self.tokens(
            text, keep_stop_words=True, expand=False
        )
        seen: dict[str, None] = {}
        for token in tokens:
            seen.setdefault(token.term, None)
        return list(seen)


_analyzer: Analyzer | None = None
_lock = threading.Lock()


def get_analyzer() -> Analyzer:
    """Return the process-wide analyzer, building it on first use."""
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                words = list(_read_lines("dictionary.txt"))
                for provider in _vocabulary_providers:
                    words.extend(provider())
                _analyzer = Analyzer(
                    words, _read_lines("synonyms.txt"), _read_lines("stopwords.txt")
                )
    return _analyzer
