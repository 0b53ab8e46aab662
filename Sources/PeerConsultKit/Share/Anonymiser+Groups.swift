import Foundation

extension Anonymiser {
  /// Pseudonyms for the standing groups that `digests` (oldest first) are meetings of:
  /// `[Group 1]`, `[Group 2]`… in the order they first met. A group's name is never shared
  /// anonymised, not even scrubbed: it is often a person's ("Priya's set"), and that person
  /// may be a member who never came to a session shared, whom the anonymiser cannot know.
  public static func groupPseudonyms(_ digests: [SessionDigest]) -> [GroupID: String] {
    var names: [GroupID: String] = [:]
    for digest in digests {
      guard let group = digest.setup.group, names[group] == nil else { continue }
      names[group] = "[Group \(names.count + 1)]"
    }
    return names
  }
}
