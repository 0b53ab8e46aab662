import Foundation

/// A folded text of the review list's filter (a session's text, or a word typed), with whether
/// its bytes are its characters: ASCII without a carriage return (the one ASCII character
/// searches disagree on: Swift's own sees "\r\n" as one character, Foundation's, which this
/// file's `contains` is, as two).
///
/// A typed key refilters every session read: ten thousand of them at a programme's scale.
/// Looking for a word character by character took 2 µs a session a word, 45 ms a key for two
/// words; where both texts are such ASCII, a word is found from the bytes, which finds exactly
/// what the characters do.
struct FilterText: Equatable, Sendable {
  let text: String
  private let bytesAreCharacters: Bool

  init(_ text: String) {
    self.text = text
    bytesAreCharacters = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
  }

  /// Whether `word` is in this text.
  func holds(_ word: FilterText) -> Bool {
    guard bytesAreCharacters, word.bytesAreCharacters else { return text.contains(word.text) }
    var text = text
    var word = word.text
    return text.withUTF8 { text in word.withUTF8 { word in Self.bytes(text, hold: word) } }
  }

  /// Whether `word` occurs in `text`, compared byte by byte from each place its first byte
  /// stands.
  private static func bytes(
    _ text: UnsafeBufferPointer<UInt8>, hold word: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let first = word.first else { return true }
    guard text.count >= word.count else { return false }
    for start in 0...(text.count - word.count) where text[start] == first {
      var offset = 1
      while offset < word.count, text[start + offset] == word[offset] { offset += 1 }
      if offset == word.count { return true }
    }
    return false
  }
}
