import TestSupport
import Testing

@testable import PeerConsultKit

/// The anonymiser's different words of a session, gathered from the texts' bytes, are the
/// words cut character by character that may resemble a name, each once by its bytes, in the
/// order first met.
@Suite struct DifferentWordsTests {
  /// Texts of whole words and pieces (ASCII, Latin, CJK, a combining accent, an emoji), many
  /// words met again, some in other case or spelling: against the words cut character by
  /// character and told apart by their bytes. Enough different words in a round to grow the
  /// table several times.
  @Test func theWordsOfTextsAreTheRunsOfLettersEachOnce() {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4449_4646))
    let pieces: [String] = [
      "Anna", "anna", "ANNA", "Änna", "Patel", "patel", "Müller", "Mueller", "licensing", "the",
      "and", "Ola", "Zoë", "Zoe\u{308}", "ß", "é", "王芳", "김민준", "\u{1F600}", " ", " ", " ", "-",
      "'", "\r\n", "0", "x", "z", "\u{A0}", "ʼ", "µ",
    ]
    for round in 0..<400 {
      var texts: [String] = []
      for _ in 0..<(round % 7) { texts.append(generator.text(of: pieces, length: 0...60)) }
      // Many different words, so that the table grows.
      for index in 0..<(round % 3) {
        let many: [String] = (0..<(round % 90)).map { "word\(index)x\($0)" }
        texts.append(many.joined(separator: " "))
      }
      var met = Set<[UInt8]>()
      var expected: [String] = []
      for text in texts {
        for (_, word) in SuspectFinder.words(in: Array(text))
        where word.utf8.count >= 4 || word.utf8.contains(where: { $0 >= 0x80 }) {
          if met.insert(Array(word.utf8)).inserted { expected.append(word) }
        }
      }
      #expect(Anonymiser.differentWords(in: texts).map(String.init) == expected, "\(texts)")
    }
  }
}
