import Foundation
import GRDB

/// The search index's tokenizer (`tokenize = 'peerconsult'`): SQLite's `unicode61` with
/// accents removed, and two changes made in Swift on its tokens.
///
/// - Chinese, Japanese and Korean characters become one token each. `unicode61` reads an
///   unspaced run of them ("我和王伟谈过") as one word, so "王伟" or "静" matched nothing; a term
///   of such characters is searched as a phrase of single characters, which finds it anywhere.
///   (The trigram tokenizer needs three characters, and its accent option SQLite 3.45.)
/// - Apostrophes fold as accents do: "D'Arcy" and "d’arcy" are indexed as "darcy", and a
///   possessive "'s" goes, so "darcy" finds "D'Arcy" and "d'arcy" finds "Darcy's".
///
/// Every connection that reads or writes the index registers it (``AppDatabase``'s
/// configurations), since SQLite looks a table's tokenizer up by name.
final class NoteTokenizer: FTS5CustomTokenizer {
  static let name = "peerconsult"

  /// Apostrophes and look-alikes, kept inside words by `unicode61` so they can be folded away.
  static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`"]

  private let wrapped: any FTS5Tokenizer

  init(db: Database, arguments: [String]) throws {
    wrapped = try db.makeTokenizer(
      .unicode61(diacritics: .remove, tokenCharacters: Self.apostrophes))
  }

  /// What the C callback of the wrapped tokenizer needs to reach SQLite's callback.
  private struct Context {
    let context: UnsafeMutableRawPointer?
    let callback: FTS5TokenCallback
  }

  func tokenize(
    context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
    pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback
  ) -> CInt {
    var outer = Context(context: context, callback: tokenCallback)
    return withUnsafeMutablePointer(to: &outer) { pointer in
      wrapped.tokenize(
        context: pointer, tokenization: tokenization, pText: pText, nText: nText
      ) { pointer, flags, pToken, nToken, start, end in
        guard let pointer, let pToken, nToken > 0 else { return 0 }
        let outer = pointer.assumingMemoryBound(to: Context.self).pointee
        let bytes = UnsafeRawBufferPointer(start: pToken, count: Int(nToken))
        // Most tokens are plain words that no change applies to: passed on as they are, they
        // cost no string, which halves a note's tokenizing (indexing, ranking, marking).
        if NoteTokenizer.isPlain(bytes) {
          return outer.callback(outer.context, flags, pToken, nToken, start, end)
        }
        // Offsets within the token are the text's only where folding kept its length.
        let exact = Int(end - start) == Int(nToken)
        // Unspaced CJK text is cut straight from its bytes, with the same pieces.
        if NoteTokenizer.isUnspaced(bytes) {
          return NoteTokenizer.unspacedPieces(of: bytes) { offset, length in
            outer.callback(
              outer.context, flags, pToken + offset, CInt(length),
              exact ? start + CInt(offset) : start, exact ? start + CInt(offset + length) : end)
          }
        }
        let token = String(decoding: bytes, as: UTF8.self)
        for piece in NoteTokenizer.pieces(of: token) {
          let (pieceStart, pieceEnd) =
            exact
            ? (start + CInt(piece.offset), start + CInt(piece.offset + piece.length)) : (start, end)
          let code = Array(piece.text.utf8).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
              outer.callback(
                outer.context, flags, chars.baseAddress, CInt(chars.count), pieceStart, pieceEnd)
            }
          }
          guard code == 0 else { return code }
        }
        return 0
      }
    }
  }

  /// Whether `token` is ASCII without an apostrophe, so that ``pieces(of:)`` would give it back
  /// whole and unchanged.
  static func isPlain(_ token: UnsafeRawBufferPointer) -> Bool {
    token.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "`") }
  }

  /// A token's pieces: each CJK character alone, and each run of other characters with its
  /// apostrophes folded away; offsets and lengths in the token's UTF-8 bytes.
  static func pieces(of token: String) -> [(text: String, offset: Int, length: Int)] {
    var pieces: [(String, Int, Int)] = []
    var run = ""
    var runStart = 0
    var offset = 0
    func endRun() {
      let folded = fold(run)
      if !folded.isEmpty { pieces.append((folded, runStart, run.utf8.count)) }
      run = ""
    }
    for character in token {
      let length = String(character).utf8.count
      if TermReplacer.isCJK(character) {
        endRun()
        pieces.append((String(character), offset, length))
      } else {
        if run.isEmpty { runStart = offset }
        run.append(character)
      }
      offset += length
    }
    endRun()
    return pieces
  }

  /// `word` without a possessive "'s" and without apostrophes.
  static func fold(_ word: String) -> String {
    var word = word
    if word.count > 2, let last = word.last, last == "s" || last == "S",
      apostrophes.contains(word[word.index(before: word.index(before: word.endIndex))])
    {
      word.removeLast(2)
    }
    return word.filter { !apostrophes.contains($0) }
  }
}
