"""Text analysis shared by both engines: both index and query the tokens produced here.

normalise (NFKC folds full-width forms, then lower-case) → keep Latin words whole (model
numbers, acronyms, English words) and segment the rest with rjieba using a domain
dictionary → rewrite synonyms, English phrases included, to one canonical term → drop stop
words, punctuation, single characters and bare numbers.

For the index each word also yields its parts: the dictionary words inside a long Chinese
word (jieba's search mode, so "碳化" finds "碳化硅"), and the pieces of a model number
("wlbi-300" also yields "wlbi300" and "wlbi", so "WLBI" and "WLBI300" find "WLBI-300").
Queries use whole words, model numbers without their separators.

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
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_LETTER = re.compile(r"[a-z0-9]")
# A Latin word: letters and digits, joined by the marks model numbers and names use
# ("wlbi-300", "4h-sic", "c++", "1.5kw"). jieba keeps these whole unless its dictionary
# holds a Latin word, when it cuts them at it ("devices" into "dev", "ic", "es"): the
# dictionary gets Chinese words only.
_LATIN_WORD = re.compile(r"[a-z0-9](?:[a-z0-9+#&._%\-]*[a-z0-9+#%])?")
# The pieces of a model number: letter runs and number runs.
_MODEL_PART = re.compile(r"[a-z]+|[0-9]+(?:\.[0-9]+)*")
_MODEL_SEPARATORS = re.compile(r"[-_]")
# The words of a synonym: Latin words and runs of Chinese characters.
_PHRASE_WORD = re.compile(_LATIN_WORD.pattern + r"|[\u4e00-\u9fff]+")
_SPLIT_VOCABULARY = re.compile(r"[、，,；;（）()\s/和及与]+")
# Longest English phrase in the synonym list, in words.
MAX_PHRASE_WORDS = 6

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


def compact(term: str) -> str:
    """A model number without its separators: "wlbi-300" → "wlbi300" (how queries spell
    it, so that "WLBI300" and "WLBI-300" find each other)."""
    if "-" in term or "_" in term:
        return _MODEL_SEPARATORS.sub("", term) or term
    return term


class Analyzer:
    def __init__(self, words: Iterable[str], synonyms: Iterable[str], stop_words: Iterable[str]):
        self._jieba = rjieba.Jieba()
        self.synonyms: dict[str, str] = {}
        # English phrases ("integrated circuits") and words that mix scripts ("3d打印"), as
        # the sequence of words the text is split into: rewritten to their group's term.
        self.phrases: dict[tuple[str, ...], str] = {}
        words = list(words)
        for line in synonyms:
            terms = [normalise(t.strip()) for t in line.split(",") if t.strip()]
            for term in terms[1:]:
                parts = tuple(_PHRASE_WORD.findall(term))
                if len(parts) > 1:
                    self.phrases[parts[:MAX_PHRASE_WORDS]] = terms[0]
                else:
                    self.synonyms[term] = terms[0]
            words.extend(terms)
        self._phrase_starts = frozenset(phrase[0] for phrase in self.phrases)
        for word in words:
            for part in _SPLIT_VOCABULARY.split(normalise(word)):
                # Chinese words only: jieba would cut other Latin words at a Latin one, and
                # a word mixing scripts is split anyway (mixed synonyms are phrases).
                if len(part) >= 2 and _CJK_WORD.match(part):
                    self._jieba.add_word(part, 20000, "n")
        self.stop_words = frozenset(normalise(w) for line in stop_words for w in line.split())
        self._expanded: dict[str, tuple[str, ...]] = {}
        self._whole: dict[str, tuple[str, ...]] = {}
        self._expanded_pieces: dict[str, tuple[tuple[str, int, int], ...]] = {}
        self._whole_pieces: dict[str, tuple[tuple[str, int, int], ...]] = {}

    @staticmethod
    def _keep(term: str) -> bool:
        """Single characters, punctuation and bare numbers carry no meaning on their own."""
        return len(term) >= 2 and bool(_WORD.search(term)) and not _NUMBER.match(term)

    # --- splitting ------------------------------------------------------------------------------

    def _with_phrases(self, words: list[tuple[str, int, int]]):
        """Yield ``(word, start, end, is_phrase)``, a phrase of the synonym list merged into
        its group's term: English words whatever the whitespace between them, or a word
        mixing scripts ("3d打印服务": "3d" and "打印" make 增材制造, then "服务")."""
        words = list(words)
        index = 0
        while index < len(words):
            word, start, end = words[index]
            if word in self._phrase_starts:
                found = self._phrase_at(words, index)
                if found is not None:
                    term, last, used = found
                    last_word, last_start, last_end = words[last]
                    yield term, start, last_start + used, True
                    if used < len(last_word):  # the rest of a Chinese word
                        words[last] = (last_word[used:], last_start + used, last_end)
                        index = last
                    else:
                        index = last + 1
                    continue
            yield word, start, end, False
            index += 1

    def _phrase_at(self, words, index: int) -> tuple[str, int, int] | None:
        """The phrase starting at ``index``, if any: its term, the position of its last
        word, and how many characters of that word it uses."""
        positions = [index]
        for position in range(index + 1, len(words)):
            if len(positions) == MAX_PHRASE_WORDS:
                break
            if words[position][0].isspace():
                continue
            positions.append(position)
        for length in range(len(positions), 1, -1):
            *head, last = (words[p][0] for p in positions[:length])
            term = self.phrases.get((*head, last))
            if term is not None:
                return term, positions[length - 1], len(last)
            if _CJK.match(last):
                # jieba may have joined the phrase's Chinese end with what follows it
                for end in range(len(last) - 1, 0, -1):
                    term = self.phrases.get((*head, last[:end]))
                    if term is not None:
                        return term, positions[length - 1], end
        return None

    def _pieces(self, word: str, expand: bool) -> list[tuple[str, int, int]]:
        """The word itself, and (``expand``) the parts it is indexed under too, with their
        offsets in the word."""
        if _CJK.search(word) and _LATIN_LETTER.search(word):
            # jieba keeps scripts apart unless a dictionary word mixes them: split it
            return [
                piece
                for run in _PHRASE_WORD.finditer(word)
                for piece in [
                    (part, run.start() + start, run.start() + end)
                    for part, start, end in self._pieces(run.group(), expand)
                ]
            ]
        pieces = [(word, 0, len(word))]
        if not expand:
            return pieces
        if _LATIN_WORD.fullmatch(word):
            whole = compact(word)
            if whole != word:
                pieces.append((whole, 0, len(word)))
            parts = list(_MODEL_PART.finditer(word))
            if len(parts) > 1:
                pieces.extend((part.group(), part.start(), part.end()) for part in parts)
        elif len(word) > 2 and _CJK_WORD.match(word):
            pieces.extend(
                (part, start, end)
                for part, start, end in self._jieba.tokenize(word, mode="search")
                if end - start < len(word)
            )
        return pieces

    # --- the three ways in --------------------------------------------------------------------

    def tokens(
        self, text: str, *, keep_stop_words: bool = False, expand: bool = True
    ) -> list[Token]:
        """Return the tokens of ``text`` with their character offsets in the original.

        ``expand`` adds the parts of words (for the index, so a search for "碳化" finds
        "碳化硅" and "WLBI" finds "WLBI-300"); queries and key terms use whole words only.
        """
        folded, origin = _fold_with_map(text or "")
        memo = self._expanded_pieces if expand else self._whole_pieces
        result = []
        for word, start, end, is_phrase in self._with_phrases(self._jieba.tokenize(folded)):
            if is_phrase:
                pieces = ((word, 0, end - start),)
            else:
                pieces = memo.get(word)
                if pieces is None:
                    pieces = tuple(self._pieces(word, expand))
                    if len(memo) > MEMO_LIMIT:
                        memo.clear()
                    memo[word] = pieces
            for piece, piece_start, piece_end in pieces:
                if not self._keep(piece):
                    continue
                if not keep_stop_words and piece in self.stop_words:
                    continue
                term = self.synonyms.get(piece, piece)
                result.append(Token(term, origin[start + piece_start], origin[start + piece_end]))
        return result

    def terms(self, text: str, *, expand: bool = True) -> list[str]:
        """Return the terms of ``text``, in order, repeats kept (for term frequency).

        The indexing path: no offsets are needed, and each distinct word is analyzed once
        per process (a memo), so the cost per word is one dictionary lookup.
        """
        memo = self._expanded if expand else self._whole
        folded = normalise(text)
        words = self._jieba.cut(folded)
        phrases: dict[int, str] = {}
        if not self._phrase_starts.isdisjoint(words):
            # rare: redo the words with the phrases merged, noting where each phrase sits
            words = []
            for word, _start, _end, is_phrase in self._with_phrases(self._jieba.tokenize(folded)):
                if is_phrase:
                    phrases[len(words)] = word
                words.append(word)
        result: list[str] = []
        for position, word in enumerate(words):
            if phrases and position in phrases:
                result.append(word)  # already the group's term
                continue
            terms = memo.get(word)
            if terms is None:
                terms = self._word_terms(word, expand)
                if len(memo) > MEMO_LIMIT:
                    memo.clear()
                memo[word] = terms
            result.extend(terms)
        return result

    def _word_terms(self, word: str, expand: bool) -> tuple[str, ...]:
        terms = []
        for piece, _start, _end in self._pieces(word.strip(), expand):
            if self._keep(piece) and piece not in self.stop_words:
                terms.append(self.synonyms.get(piece, piece))
        return tuple(terms)

    def query_terms(self, text: str) -> list[str]:
        """Return the distinct whole-word terms of a user's query; stop words are kept when
        the query has nothing else, so that searching for "系统" still finds something.
        Model numbers lose their separators (the index holds that form too)."""
        tokens = self.tokens(text, expand=False) or self.tokens(
            text, keep_stop_words=True, expand=False
        )
        seen: dict[str, None] = {}
        for token in tokens:
            seen.setdefault(compact(token.term), None)
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
