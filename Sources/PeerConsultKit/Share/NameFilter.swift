/// A name typed to pick people ("ben", "O'Neill", "zoe"): it matches a participant whose name
/// contains it as whole words, ignoring case, accents and the kind of apostrophe.
public struct NameFilter: Sendable {
  private var replacer = TermReplacer()

  public init(_ query: String) {
    replacer.add(query, replacement: "")
  }

  public func matches(_ name: String) -> Bool { replacer.occurs(in: name) }
}
