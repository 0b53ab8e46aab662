import Foundation
import TextLayout

extension Participant {
  /// Why a participant line could not be read, in one line that names the bad part.
  public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to write it instead.
    public var message: String
    public var description: String { message }
  }

  /// How a participant is written, for messages and placeholders.
  public static let specFormat = "Name; Organisation; level"

  /// Reads a participant written as `Name; Organisation; level`, as typed on the setup screen
  /// or given to `peerconsult run --participant`.
  ///
  /// Each part is trimmed, and each run of spaces inside a name or an organisation is one
  /// space: "Amira  Khan", pasted with two, was another person than Amira Khan to every
  /// later look (a latecomer, an erasure). The name and the organisation are required: the group's slice
  /// counts organisations, so a blank one would show as an organisation of its own. The
  /// organisation may be followed by its other names, each after a `|`
  /// (`Devon & Cornwall Police|D&C Police|DCP`), so an anonymised export replaces those too.
  /// The level is one of `senior`, `middle`, `frontline` or `other`, in any case. A semicolon
  /// always separates parts, so it cannot appear inside a name.
  public static func parse(_ spec: String) throws(ParseError) -> Participant {
    let format = "write \"\(specFormat)\""
    let trimmed = spec.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else {
      throw ParseError(message: "the participant is empty; \(format)")
    }
    let parts = trimmed.split(separator: ";", omittingEmptySubsequences: false).map {
      $0.split(separator: " ").joined(separator: " ")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    guard parts.count == 3 else {
      let count = parts.count == 1 ? "1 part" : "\(parts.count) parts"
      throw ParseError(
        message: "'\(printable(trimmed))' has \(count), not 3; \(format), separated by semicolons")
    }
    let names = parts[1].split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let (name, organisation, levelText) = (parts[0], names[0], parts[2])
    let aliases = names.dropFirst().filter { !$0.isEmpty }
    guard aliases.count <= SessionSetup.maximumOrganisationAliases else {
      throw ParseError(
        message:
          "the organisation has \(aliases.count) other names after '|'; give at most \(SessionSetup.maximumOrganisationAliases)"
      )
    }
    for (label, value) in [("name", name), ("organisation", parts[1])] {
      // The bidirectional controls too, which `ControlCharacters.first(in:)` lets through for
      // what earlier versions stored: a person typed now cannot have one, and a name of a
      // right-to-left override alone read as no name at all.
      if let control = value.unicodeScalars.first(where: ControlCharacters.isControl) {
        throw ParseError(
          message:
            "the \(label) '\(printable(value))' contains a control character (\(ControlCharacters.codePoint(control))); remove it"
        )
      }
    }
    guard !name.isEmpty else {
      throw ParseError(message: "'\(printable(trimmed))' has no name; \(format)")
    }
    guard !organisation.isEmpty else {
      throw ParseError(
        message: "\(name) has no organisation; write one between the semicolons (e.g. independent)"
      )
    }
    let allowed = "senior, middle, frontline or other"
    guard !levelText.isEmpty else {
      throw ParseError(message: "\(name) has no level; end the line with \(allowed)")
    }
    guard let level = Level(rawValue: levelText.lowercased()) else {
      let levels = Level.allCases.map(\.rawValue)
      let guess = levelText.closestMatch(in: levels).map { " (did you mean \($0)?)" } ?? ""
      throw ParseError(
        message: "\(name)'s level '\(printable(levelText))' is not \(allowed)\(guess)")
    }
    return Participant(
      name: name, organisation: organisation, organisationAliases: Array(aliases), level: level)
  }

  /// The participant written the way ``parse(_:)`` reads it.
  public var spec: String {
    let organisation = ([organisation] + organisationAliases).joined(separator: "|")
    return "\(name); \(organisation); \(level.rawValue)"
  }

  /// Text safe to echo in a one-line message: control characters are spelt out.
  private static func printable(_ text: String) -> String { ControlCharacters.spelledOut(text) }
}
