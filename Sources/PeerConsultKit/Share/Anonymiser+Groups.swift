import Foundation

extension Anonymiser {
  /// Pseudonyms for the standing groups that `digests` (oldest first) are meetings of:
  /// `[Group 1]`, `[Group 2]`… in the order they first met. A group's name is never shared
  /// anonymised, not even scrubbed: it is often a person's ("Priya's set"), a nickname or a
  /// place no list of people holds. The anonymiser gives the same pseudonym wherever a text
  /// names the group (``Anonymiser/init(records:others:groups:earlier:)``).
  public static func groupPseudonyms(_ digests: [SessionDigest]) -> [GroupID: String] {
    groupPseudonyms(groups: digests.map(\.setup.group))
  }

  /// Pseudonyms for the standing groups `groups` (each session's, oldest first) name, as
  /// ``groupPseudonyms(_:)`` gives them.
  static func groupPseudonyms(groups: [GroupID?]) -> [GroupID: String] {
    var names: [GroupID: String] = [:]
    for case let group? in groups where names[group] == nil {
      names[group] = "[Group \(names.count + 1)]"
    }
    return names
  }
}
