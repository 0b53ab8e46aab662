import Foundation
import Testing

@testable import PeerConsultKit

/// The Swift-only trimming and line-break replacement that a command's start uses instead of
/// Foundation's, checked against Foundation on the texts where they could differ.
@Suite struct NativeStringTests {
  static let texts = [
    "", " ", "\t", "plain", "  padded\t", "\u{3000}全角\u{3000}", "\u{00A0}nbsp\u{2009}",
    "\nnew line kept\n", " \r\n ", "e\u{301} ", " \u{301}", "a\nb\n\nc", "\n", "\n\n",
    "飲酒\n居酒屋", "👩‍👩‍👧 \n 🇬🇧", "\u{85}next line\u{2028}", "tab\tinside",
  ]

  @Test func trimmingSpacesIsFoundationsWhitespaceTrim() {
    for text in Self.texts {
      #expect(
        text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)"
      )
    }
  }

  @Test func replacingLineBreaksIsFoundationsReplacement() {
    for text in Self.texts {
      for replacement in [" ", "\n  ", ""] {
        #expect(
          text.replacingLineBreaks(with: replacement)
            == text.replacingOccurrences(of: "\n", with: replacement),
          "\(text.debugDescription) \(replacement.debugDescription)")
      }
    }
  }
}
