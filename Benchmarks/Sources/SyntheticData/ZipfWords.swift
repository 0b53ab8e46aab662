import Foundation

/// Words drawn with a Zipf distribution from a vocabulary of several thousand, as in real text:
/// the few common words turn up in most notes and most words in few, so a search benchmark
/// meets both a word that matches half the notes and one that matches a few hundred.
///
/// The vocabulary is made, not read from a dictionary, so the same seed gives the same data on
/// every machine: real words of the domain first (the most common), then pronounceable words of
/// two to four syllables. Chinese and Japanese notes draw from their own list in the same way.
public struct ZipfWords: Sendable {
  /// Words in rank order, the most common first.
  public let words: [String]
  /// Cumulative weights `1/rank`, for drawing a rank by binary search.
  private let cumulative: [Double]

  /// A vocabulary of `words` with weights 1/rank (Zipf, exponent 1).
  public init(_ words: [String]) {
    self.words = words
    var sum = 0.0
    cumulative = words.indices.map { rank in
      sum += 1 / Double(rank + 1)
      return sum
    }
  }

  /// One word, the word of rank r with probability proportional to 1/r.
  public func draw(using rng: inout SeededGenerator) -> String {
    let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &rng)
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > target { high = middle } else { low = middle + 1 }
    }
    return words[low]
  }

  /// English: the domain's words, then made-up words to several thousand in all.
  public static let english = ZipfWords(
    domainWords + madeUpWords(count: 6_000 - domainWords.count))

  /// Chinese and Japanese words of one to three characters (the index sees each character as a
  /// token, so terms of every length are searched through it).
  public static let cjk = ZipfWords(cjkWords)

  static let domainWords = [
    "the", "and", "to", "we", "of", "a", "in", "partnership", "licensing", "housing",
    "council", "police", "safety", "plan", "meeting", "data", "team", "night", "residents",
    "funding", "youth", "alcohol", "hospital", "discharge", "violence", "outreach", "referral",
    "pathway", "commissioning", "evidence", "trust", "budget", "pilot", "street", "board",
    "strategy", "volunteers", "schools", "ambulance", "crisis", "tenancy", "wardens",
    "consultation", "safeguarding", "rota", "venue", "curfew", "taxi", "pharmacy", "shelter",
  ]

  static let cjkWords = [
    "会議", "地域", "安全", "警察", "病院", "住宅", "若者", "飲酒", "支援", "計画", "夜間", "相談",
    "予算", "学校", "協力", "連携", "課題", "市役所", "警察官", "居酒屋", "見回り", "酒", "夜", "街",
    "人", "家", "救急車", "社会福祉", "情報共有", "自治体", "保健所", "商店街", "住民", "委員会", "担当者",
    "路上", "施設", "対策", "調査", "報告", "青少年", "暴力", "防止", "訪問", "研修", "予防", "酔客",
    "駅前", "交番", "声掛け", "合意", "次回", "提案", "資金", "連絡", "现场", "社区", "医院", "饮酒",
    "问题", "合作", "数据", "居民", "警务", "青年", "酒吧", "巡逻", "方案", "试点", "议会",
  ]

  /// Pronounceable words from syllables, none of them an English word of the domain list.
  static func madeUpWords(count: Int) -> [String] {
    let onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st"]
    let vowels = ["a", "e", "i", "o", "u", "ai", "ou"]
    let codas = ["", "n", "r", "l", "s", "m"]
    let syllables = onsets.flatMap { onset in
      vowels.flatMap { vowel in codas.map { onset + vowel + $0 } }
    }
    var rng = SeededGenerator(seed: 0x2170_F00D)
    var seen = Set(domainWords)
    var words: [String] = []
    while words.count < count {
      let length = Int.random(in: 2...4, using: &rng)
      let word = (0..<length).map { _ in syllables.randomElement(using: &rng)! }.joined()
      if seen.insert(word).inserted { words.append(word) }
    }
    return words
  }
}
