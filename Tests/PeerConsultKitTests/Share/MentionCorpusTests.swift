import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The anonymiser against the generated corpus (``MentionCorpus``): every generated mention of
/// a participant is replaced (goal: 0 leaked), and no ordinary sentence is changed (goal: 0
/// ordinary words wrongly replaced). The counts are in Docs/RELIABILITY.md.
@Suite struct MentionCorpusTests {
  static let seed = SeededGenerator.seed(0x13A0_0013)
  static let nameCount = 240
  static let sentenceCount = 2_000
  /// People in one generated session.
  static let groupSize = 8

  /// The names in groups of ``groupSize``, each group with its anonymiser.
  private func groups() throws -> [(names: [String], anonymiser: Anonymiser)] {
    var generator = SeededGenerator(seed: Self.seed)
    let names = MentionCorpus.names(Self.nameCount, using: &generator)
    return try stride(from: 0, to: names.count, by: Self.groupSize).map { start in
      let group = Array(names[start..<min(start + Self.groupSize, names.count)])
      return (group, try MentionCorpus.anonymiser(for: group))
    }
  }

  @Test func everyGeneratedMentionIsReplaced() throws {
    var tried = 0
    var leaked: [String] = []
    var names = 0
    for (group, anonymiser) in try groups() {
      names += group.count
      for name in group {
        let isCJK = name.contains(where: TermReplacer.isCJK)
        let templates = isCJK ? ["昨天我和 %@ 谈过。", "%@ 说：好。"] : MentionCorpus.mentionTemplates
        for (index, mention) in MentionCorpus.mentions(of: name).enumerated() {
          // Each mention in one sentence, the templates in turn.
          do {
            let template = templates[index % templates.count]
            tried += 1
            let parts = template.components(separatedBy: "%@")
            let sentence = parts[0] + mention.text + parts[1]
            let scrubbed = anonymiser.scrub(sentence)
            if !Self.replacesOnly(mention.text, in: scrubbed, prefix: parts[0], suffix: parts[1]) {
              leaked.append("\(sentence) → \(scrubbed)")
            }
          }
        }
      }
    }
    print(
      "anonymising: \(names) names, \(tried) mentions tried, \(leaked.count) leaked, seed 0x\(String(Self.seed, radix: 16))"
    )
    #expect(names >= 200)
    #expect(tried >= 5_000)
    #expect(leaked.isEmpty, "\(leaked.count) leaked, e.g. \(leaked.prefix(10))")
  }

  @Test func noOrdinarySentenceIsChanged() throws {
    var generator = SeededGenerator(seed: Self.seed)
    let sentences = MentionCorpus.ordinarySentences(Self.sentenceCount, using: &generator)
    var changed: [String] = []
    var suspects = 0
    let groups = try groups()
    var tried = 0
    for (index, sentence) in sentences.enumerated() {
      // The first group holds the names that are also words; the others take turns.
      let others = groups.count > 1 ? [groups[1 + index % (groups.count - 1)]] : []
      for (_, anonymiser) in [groups[0]] + others {
        tried += 1
        let matches = anonymiser.matches(in: sentence)
        suspects += matches.count { $0.suspicion != nil }
        if matches.contains(where: { $0.suspicion == nil }) {
          changed.append("\(sentence) → \(anonymiser.scrub(sentence))")
        }
      }
    }
    print(
      "anonymising: \(sentences.count) ordinary sentences, \(tried) scrubbed, \(changed.count) wrongly replaced, \(suspects) suspects shown for review"
    )
    #expect(sentences.count >= 2_000)
    #expect(changed.isEmpty, "\(changed.count) changed, e.g. \(changed.prefix(10))")
  }

  /// Whether `scrubbed` is `prefix`, pseudonyms standing for the mention (with what may follow
  /// a name: a possessive or plural ending, "的"), and `suffix`, with no letter of the name left.
  private static func replacesOnly(
    _ mention: String, in scrubbed: String, prefix: String, suffix: String
  ) -> Bool {
    guard scrubbed.hasPrefix(prefix), scrubbed.hasSuffix(suffix),
      scrubbed.count >= prefix.count + suffix.count
    else { return false }
    var middle = String(scrubbed.dropFirst(prefix.count).dropLast(suffix.count))
    guard middle.contains("[") else { return false }
    middle = middle.replacingOccurrences(of: #"\[[^\]]*\]"#, with: "", options: .regularExpression)
    for affix in ["the ", "@", "「"] where middle.hasPrefix(affix) {
      middle.removeFirst(affix.count)
    }
    for affix in ["」", "的", "'s", "’s", "es", "s"] where middle.hasSuffix(affix) {
      middle.removeLast(affix.count)
    }
    return !middle.contains(where: \.isLetter)
  }
}
