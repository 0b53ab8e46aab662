import Foundation
import TextLayout
import Yams

/// Turns the text of a protocol file into a protocol, collecting every problem on the way so the
/// user can fix them all in one go.
///
/// Works on Yams' node tree rather than `Decodable` because each node knows its line and column,
/// which is what makes the messages useful.
struct ProtocolFileReader {
  static let protocolKeys = ["name", "description", "opening", "round", "closing", "advice_stems"]
  static let phaseKeys = [
    "name", "duration", "speaker", "guidance", "rules", "prompts", "note_kind",
  ]
  static let defaultSpeaker = Speaker.everyone
  static let defaultNoteKind = NoteKind.other

  /// The most nodes a file may describe, each alias counted as all the nodes it stands for.
  ///
  /// A protocol of twenty phases with ten rules and ten prompts each has under a thousand;
  /// Yams builds and checks ten thousand in a few milliseconds.
  static let maximumNodes = 10_000
  /// The deepest nesting of lists and keys a file may use; a protocol needs four.
  static let maximumDepth = 32

  private(set) var issues: [ProtocolFileError.Issue] = []

  /// The protocol in `text`, or nil when there were problems (then `issues` says which).
  mutating func read(_ text: String, id: String, source: ConsultingProtocol.Source)
    -> ConsultingProtocol?
  {
    // Measured before Yams builds its tree, which aliases can make exponentially large.
    if let excess = YAMLShape.excess(
      in: text, maximumNodes: Self.maximumNodes, maximumDepth: Self.maximumDepth,
      maximumBytes: ProtocolFile.maximumBytes)
    {
      issues.append(Self.issue(for: excess))
      return nil
    }
    let root: Node?
    do {
      // The encoding is given so Yams does not consult the environment for it.
      root = try Yams.compose(yaml: text, .default, .default, .utf8)
    } catch let error as YamlError {
      issues.append(Self.issue(for: error, in: text))
      return nil
    } catch {
      issues.append(.init(message: "the file could not be read as YAML: \(error)"))
      return nil
    }
    guard let root else {
      issues.append(
        .init(
          line: 1, column: 1,
          message: "the file is empty; a protocol needs at least 'name' and 'round'"))
      return nil
    }
    guard case .mapping(let mapping) = root else {
      report(
        root,
        "the file must be a set of keys (name:, round:, …), not \(Self.kind(of: root))")
      return nil
    }
    let (fields, misspelt) = keys(of: mapping, allowed: Self.protocolKeys, label: nil)

    var name = ""
    if let node = fields["name"] {
      if let value = readText(node, key: "name", label: nil, oneLine: true) {
        if value.isEmpty { report(node, "'name' is empty; give the protocol a name") }
        name = value
      }
    } else if !misspelt.contains("name") {
      report(root, "missing 'name': give the protocol a name, e.g. 'name: Case Clinic (short)'")
    }
    let description = fields["description"].flatMap {
      readText($0, key: "description", label: nil, oneLine: false)
    }

    let adviceStems = fields["advice_stems"].flatMap {
      readList($0, key: "advice_stems", label: "the protocol")
    }

    var parts: [ConsultingProtocol.Part: [Phase]] = [:]
    for part in ConsultingProtocol.Part.allCases {
      guard let node = fields[part.rawValue] else { continue }
      parts[part] = phases(node, part: part)
    }
    if fields["round"] == nil {
      // A misspelt 'round' has been reported already; saying it is missing too would be noise.
      if !misspelt.contains("round") {
        report(
          root,
          "missing 'round': a protocol needs at least one round phase (the phases run for each presenter)"
        )
      }
    } else if let node = fields["round"], Self.isEmptyList(node) {
      report(node, "'round' is empty: a protocol needs at least one round phase")
    }
    guard issues.isEmpty else { return nil }
    return ConsultingProtocol(
      id: id, name: name, description: description ?? "", opening: parts[.opening] ?? [],
      round: parts[.round] ?? [], closing: parts[.closing] ?? [], source: source,
      adviceStems: adviceStems ?? [])
  }

  // MARK: - Phases

  private mutating func phases(_ node: Node, part: ConsultingProtocol.Part) -> [Phase] {
    if Self.isNull(node) { return [] }
    guard case .sequence(let sequence) = node else {
      report(node, "'\(part.rawValue)' must be a list of phases, each starting with '- name:'")
      return []
    }
    return sequence.enumerated().compactMap { index, item in
      phase(item, label: "\(part.rawValue) phase \(index + 1)")
    }
  }

  private mutating func phase(_ node: Node, label initialLabel: String) -> Phase? {
    guard case .mapping(let mapping) = node else {
      report(
        node,
        "\(initialLabel) must be a set of keys (name:, duration:, …), not \(Self.kind(of: node))")
      return nil
    }
    let issuesBefore = issues.count
    var label = initialLabel
    // The name goes into every later message about this phase, so it is read first.
    let nameNode = mapping.first { $0.key.scalar?.string == "name" }?.value
    let name = nameNode.flatMap { readText($0, key: "name", label: label, oneLine: true) }
    if let name, !name.isEmpty { label += " (\"\(name)\")" }
    let (fields, misspelt) = keys(of: mapping, allowed: Self.phaseKeys, label: label)
    if (nameNode == nil && !misspelt.contains("name")) || name == "" {
      report(nameNode ?? node, "\(label) has no name; add 'name:' with a short title")
    }

    var seconds: Int?
    if let durationNode = fields["duration"] {
      if let text = readText(durationNode, key: "duration", label: label, oneLine: true) {
        do {
          seconds = try PhaseDuration.parse(text)
        } catch {
          report(durationNode, "\(label): \(error.message)")
        }
      }
    } else if !misspelt.contains("duration") {
      report(node, "\(label): missing 'duration', e.g. 'duration: 10m'")
    }

    let speaker = fields["speaker"].flatMap {
      readChoice($0, key: "speaker", label: label, as: Speaker.self)
    }
    let noteKind = fields["note_kind"].flatMap {
      readChoice($0, key: "note_kind", label: label, as: NoteKind.self)
    }
    let guidance = fields["guidance"].flatMap {
      readText($0, key: "guidance", label: label, oneLine: false)
    }
    let rules = fields["rules"].flatMap { readList($0, key: "rules", label: label) }
    let prompts = fields["prompts"].flatMap { readList($0, key: "prompts", label: label) }

    guard issues.count == issuesBefore, let name, let seconds else { return nil }
    return Phase(
      name: name, durationSeconds: seconds,
      speaker: speaker ?? Self.defaultSpeaker, guidance: guidance ?? "", rules: rules ?? [],
      prompts: prompts ?? [], noteKind: noteKind ?? Self.defaultNoteKind)
  }

  // MARK: - Values

  /// The mapping's values by key, reporting keys that are not in `allowed`; `misspelt` holds
  /// the allowed keys that unknown ones were probably meant to be.
  private mutating func keys(of mapping: Node.Mapping, allowed: [String], label: String?)
    -> (fields: [String: Node], misspelt: Set<String>)
  {
    var fields: [String: Node] = [:]
    var misspelt: Set<String> = []
    let prefix = label.map { "\($0): " } ?? ""
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key else {
        report(key, "\(prefix)keys must be plain words like 'name', not \(Self.kind(of: key))")
        continue
      }
      let word = scalar.string
      guard allowed.contains(word) else {
        let shown = Self.printable(word)
        let match = word.closestMatch(in: allowed)
        if let match { misspelt.insert(match) }
        let suggestion = match.map { " (did you mean '\($0)'?)" } ?? ""
        report(
          key,
          """
          \(prefix)unknown key '\(shown)'\(suggestion); the keys here are \
          \(allowed.joined(separator: ", "))
          """)
        continue
      }
      fields[word] = value
    }
    return (fields, misspelt)
  }

  /// The trimmed text of a scalar; `oneLine` folds line breaks and runs of spaces into one space.
  private mutating func readText(_ node: Node, key: String, label: String?, oneLine: Bool)
    -> String?
  {
    guard case .scalar(let scalar) = node else {
      let prefix = label.map { "\($0): " } ?? ""
      report(node, "\(prefix)'\(key)' must be text, not \(Self.kind(of: node))")
      return nil
    }
    if Self.isNull(node) { return "" }
    // Double-quoted YAML can spell any character ("\e[2J"); text that reaches a terminal must
    // not carry control sequences.
    if let control = scalar.string.unicodeScalars.first(where: Self.isDisallowedControl) {
      let prefix = label.map { "\($0): " } ?? ""
      report(
        node,
        "\(prefix)'\(key)' contains a control character (\(Self.codePoint(control))); remove it")
      return nil
    }
    let trimmed = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    let text = oneLine ? Self.oneLine(trimmed) : trimmed
    // What a session records of its protocol must import again on another laptop, which
    // takes no longer text (``ConsultingProtocol/maximumTextLength``).
    if text.count > ConsultingProtocol.maximumTextLength {
      let prefix = label.map { "\($0): " } ?? ""
      report(
        node,
        "\(prefix)'\(key)' has \(text.count) characters; a protocol's text takes at most "
          + "\(ConsultingProtocol.maximumTextLength): shorten it")
      return nil
    }
    return text
  }

  /// A list of text items; a single text counts as a list of one.
  private mutating func readList(_ node: Node, key: String, label: String) -> [String]? {
    switch node {
    case .scalar:
      if Self.isNull(node) { return [] }
      return readText(node, key: key, label: label, oneLine: true).map { [$0] }
    case .sequence(let sequence):
      var items: [String] = []
      for (index, item) in sequence.enumerated() {
        let place = "\(label): item \(index + 1) of '\(key)'"
        switch item {
        case .scalar where Self.isNull(item):
          report(item, "\(place) is empty; remove it or write the text")
        case .scalar:
          if let text = readText(item, key: key, label: label, oneLine: true) {
            if text.isEmpty {
              report(item, "\(place) is empty; remove it or write the text")
            } else {
              items.append(text)
            }
          }
        case .mapping:
          report(
            item, "\(place) reads as 'key: value'; if the text contains ': ', put it in quotes")
        default:
          report(item, "\(place) must be text, not \(Self.kind(of: item))")
        }
      }
      return items
    default:
      report(node, "\(label): '\(key)' must be a list of text, e.g. [First item, Second item]")
      return nil
    }
  }

  /// One of an enumeration's raw values, ignoring case; nil (after a report) when it is not one.
  private mutating func readChoice<Value: RawRepresentable & CaseIterable>(
    _ node: Node, key: String, label: String, as type: Value.Type
  ) -> Value? where Value.RawValue == String {
    guard let word = readText(node, key: key, label: label, oneLine: true) else { return nil }
    let allowed = Value.allCases.map(\.rawValue)
    if let value = Value(rawValue: word.lowercased()) { return value }
    let what = key.replacingOccurrences(of: "_", with: " ")
    let suggestion = word.closestMatch(in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
    let shown = word.isEmpty ? "an empty \(what)" : "unknown \(what) '\(word)'"
    report(
      node, "\(label): \(shown)\(suggestion); use one of \(allowed.joined(separator: ", "))")
    return nil
  }

  // MARK: - Helpers

  private mutating func report(_ node: Node, _ message: String) {
    issues.append(.init(line: node.mark?.line, column: node.mark?.column, message: message))
  }

  /// An empty value: nothing after the colon, `~` or `null` (but not the quoted word "null").
  private static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
      return false
    }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  private static func isDisallowedControl(_ scalar: Unicode.Scalar) -> Bool {
    ControlCharacters.isControl(scalar) && scalar != "\n" && scalar != "\t"
  }

  static func codePoint(_ scalar: Unicode.Scalar) -> String { ControlCharacters.codePoint(scalar) }

  /// Text from the file made safe to echo in a message: control characters are spelt out.
  private static func printable(_ text: String) -> String { ControlCharacters.spelledOut(text) }

  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private static func isEmptyList(_ node: Node) -> Bool {
    if isNull(node) { return true }
    if case .sequence(let sequence) = node { return sequence.isEmpty }
    return false
  }

  /// How a node reads to someone who wrote it, for "must be … not …" messages.
  private static func kind(of node: Node) -> String {
    switch node {
    case .scalar(let scalar):
      "a single value ('\(printable(oneLine(scalar.string)).prefix(40))')"
    case .sequence: "a list"
    case .mapping: "a set of keys"
    case .alias: "an alias"
    }
  }
}
