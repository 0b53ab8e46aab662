/// The order people expect of names that carry numbers: "Set 2" before "Set 10", as a file
/// manager lists them, where plain text order gives "Set 1, Set 10, Set 11, Set 2".
///
/// Like Foundation's `localizedStandardCompare` but the same on every machine: no locale,
/// numbers are runs of ASCII digits compared by value, the text between them is compared
/// without case, accents or width (``AppDatabase/nameKey(_:)``, as group names are kept
/// unique), and names equal by those rules fall back to the order of their characters.
enum NaturalOrder {
  /// Whether `a` comes before `b`.
  static func precedes(_ a: String, _ b: String) -> Bool {
    Key(a) < Key(b)
  }

  /// `items` in the natural order of `name`, each name folded once rather than at every
  /// comparison.
  static func sorted<Item>(_ items: [Item], by name: (Item) -> String) -> [Item] {
    items.map { (Key(name($0)), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// What a name is ordered by.
  struct Key: Comparable {
    let runs: [Run]
    let name: String

    init(_ name: String) {
      runs = NaturalOrder.runs(of: AppDatabase.nameKey(name))
      self.name = name
    }

    static func < (lhs: Key, rhs: Key) -> Bool {
      for (x, y) in zip(lhs.runs, rhs.runs) where x != y { return x < y }
      if lhs.runs.count != rhs.runs.count { return lhs.runs.count < rhs.runs.count }
      // "Set 07" and "set 7" say the same: the written characters decide, so that the
      // order never depends on the order the names came in.
      return lhs.name < rhs.name
    }
  }

  /// A stretch of a name: a number or the text between numbers.
  enum Run: Comparable {
    /// Digits without leading zeros ("" for zero), so that comparing their count and then
    /// the digits compares values of any length without overflow.
    case number(String)
    case text(String)

    static func < (lhs: Run, rhs: Run) -> Bool {
      switch (lhs, rhs) {
      case (.number(let x), .number(let y)): return (x.count, x) < (y.count, y)
      // Numbers before words, as in a file manager: "2020 review" before "Autumn".
      case (.number, .text): return true
      case (.text, .number): return false
      case (.text(let x), .text(let y)):
        return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
      }
    }
  }

  /// `key` cut into numbers and text.
  static func runs(of key: String) -> [Run] {
    var runs: [Run] = []
    var current = ""
    var inNumber = false
    func close() {
      guard !current.isEmpty else { return }
      runs.append(
        inNumber ? .number(String(current.drop { $0 == "0" })) : .text(current))
      current = ""
    }
    for character in key {
      let isDigit = character.isASCII && character.isWholeNumber
      if isDigit != inNumber {
        close()
        inNumber = isDigit
      }
      current.append(character)
    }
    close()
    return runs
  }
}
