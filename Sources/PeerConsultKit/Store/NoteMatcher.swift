import Foundation
import GRDB

/// A query's words found in a note's text as the search index finds them: the text is cut into
/// the index's own tokens (``NoteTokenizer``), so accents, apostrophes and CJK characters match
/// exactly as `MATCH` does. Search uses it to mark the matches and to rank the notes the index
/// chose, in Swift: asking FTS5 to highlight or rank a given note costs a fresh query (0.2 ms
/// for a common word), and its bm25 reads every note holding each word first.
struct NoteMatcher {
  /// One word or phrase, as index tokens' UTF-8 bytes; a prefix term's last token is a prefix.
  struct Term {
    let tokens: [[UInt8]]
    let isPrefix: Bool
  }

  /// A note's tokens as the index stores them: their bytes one after another in one buffer,
  /// and where each lies in it and in the note's UTF-8 bytes. Ranking cuts up to 200 notes of
  /// a few hundred tokens each; a string per token was most of that time.
  struct Tokens {
    /// Every token's bytes, in order.
    var bytes: [UInt8] = []
    /// Where each token's bytes end in ``bytes`` (the next one's start).
    var ends: [Int] = []
    /// Each token's place in the text's UTF-8 bytes.
    var places: [Range<Int>] = []

    var count: Int { ends.count }

    /// Whether token `index` is `wanted` (or starts with it, when `prefix`), byte for byte as
    /// the index compares them.
    func token(_ index: Int, is wanted: [UInt8], prefix: Bool) -> Bool {
      let start = index == 0 ? 0 : ends[index - 1]
      let length = ends[index] - start
      guard prefix ? length >= wanted.count : length == wanted.count else { return false }
      return bytes.withUnsafeBufferPointer { buffer in
        wanted.withUnsafeBufferPointer { wanted in
          wanted.isEmpty
            || memcmp(buffer.baseAddress! + start, wanted.baseAddress!, wanted.count) == 0
        }
      }
    }
  }

  let terms: [Term]
  private let tokenizer: NoteTokenizer

  init(_ query: NoteSearchQuery, in db: Database) throws {
    let tokenizer = try NoteTokenizer(db: db, arguments: [])
    self.tokenizer = tokenizer
    terms = query.terms.compactMap { term in
      let tokens = Self.tokens(of: term.text, by: tokenizer, for: .query)
      let pieces = (0..<tokens.count).map { index in
        Array(tokens.bytes[(index == 0 ? 0 : tokens.ends[index - 1])..<tokens.ends[index]])
      }
      return pieces.isEmpty ? nil : Term(tokens: pieces, isPrefix: term.isPrefix)
    }
  }

  /// The tokens of `text` as the index stores them.
  func tokens(of text: String) -> Tokens {
    Self.tokens(of: text, by: tokenizer, for: .document)
  }

  /// Where each term occurs in `tokens`: for each term, the token ranges it covers.
  func occurrences(in tokens: Tokens) -> [[Range<Int>]] {
    terms.map { term in
      let count = term.tokens.count
      guard tokens.count >= count else { return [] }
      var found: [Range<Int>] = []
      for start in 0...(tokens.count - count) {
        let matches = term.tokens.indices.allSatisfy { offset in
          tokens.token(
            start + offset, is: term.tokens[offset],
            prefix: term.isPrefix && offset == count - 1)
        }
        if matches { found.append(start..<(start + count)) }
      }
      return found
    }
  }

  /// `text` with every occurrence of every term marked.
  func highlighted(_ text: String) -> HighlightedText {
    let tokens = tokens(of: text)
    let bytes = text.utf8
    var spans = occurrences(in: tokens).joined().map {
      tokens.places[$0.lowerBound].lowerBound..<tokens.places[$0.upperBound - 1].upperBound
    }
    spans.sort { $0.lowerBound < $1.lowerBound }
    // Overlapping or touching spans are one mark, as FTS5's highlight() draws them.
    var merged: [Range<Int>] = []
    for span in spans {
      if let last = merged.last, span.lowerBound <= last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
      } else {
        merged.append(span)
      }
    }
    let ranges = merged.compactMap { span -> Range<String.Index>? in
      guard span.lowerBound >= 0, span.upperBound <= bytes.count else { return nil }
      let lower = bytes.index(bytes.startIndex, offsetBy: span.lowerBound)
      let upper = bytes.index(bytes.startIndex, offsetBy: span.upperBound)
      // Offsets of folded tokens are the whole token's, on character boundaries.
      guard let from = lower.samePosition(in: text.unicodeScalars),
        let to = upper.samePosition(in: text.unicodeScalars)
      else { return nil }
      return from..<to
    }
    return HighlightedText(text: text, highlights: ranges)
  }

  /// Each note's bm25 score (higher is better) among `notes`, with `k1` 1.2 and `b` 0.75 as
  /// FTS5's bm25 has them, `weights` per term (its inverse document frequency) and the notes'
  /// own mean length.
  func scores(_ notes: [String], weights: [Double]) -> [Double] {
    let counted = notes.map { text -> (length: Int, frequencies: [Int]) in
      let tokens = tokens(of: text)
      // A closure, not `\.count`: a key path is made at run time from its pattern, and its
      // first use costs a scan of the binary's conformance records (Docs/PERFORMANCE.md).
      return (tokens.count, occurrences(in: tokens).map { $0.count })
    }
    let mean = max(1, Double(counted.reduce(0) { $0 + $1.length }) / Double(max(1, notes.count)))
    return counted.map { note in
      zip(note.frequencies, weights).reduce(0) { sum, pair in
        let frequency = Double(pair.0)
        let norm = 1.2 * (0.25 + 0.75 * Double(note.length) / mean)
        return sum + pair.1 * frequency * 2.2 / (frequency + norm)
      }
    }
  }

  /// Collects tokens from the tokenizer's C callback.
  private final class Collected {
    var tokens = Tokens()
  }

  private static func tokens(
    of text: String, by tokenizer: NoteTokenizer, for tokenization: FTS5Tokenization
  ) -> Tokens {
    let collected = Collected()
    var text = text
    text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return }
      let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
      _ = tokenizer.tokenize(
        context: Unmanaged.passUnretained(collected).toOpaque(), tokenization: tokenization,
        pText: pointer, nText: CInt(buffer.count)
      ) { context, _, pToken, nToken, start, end in
        guard let context, let pToken, nToken > 0 else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: pToken, count: Int(nToken))
        let collected = Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue()
        collected.tokens.bytes.append(contentsOf: bytes)
        collected.tokens.ends.append(collected.tokens.bytes.count)
        collected.tokens.places.append(Int(start)..<max(Int(start), Int(end)))
        return 0
      }
    }
    return collected.tokens
  }
}
