import Foundation

extension CommandText {
  /// `protocols list`: one row per protocol in the library; the wider of the name and the
  /// source (cut at its start, so that a file's name shows) cut to the terminal's `width`
  /// when given.
  public static func protocolList(_ library: ProtocolLibrary, width: Int? = nil) -> String {
    table(
      [["ID", "NAME", "PHASES", "PER ROUND", "SOURCE"]]
        + library.protocols.map { item in
          [
            item.id, item.name, "\(item.round.count)", PhaseDuration.display(item.roundSeconds),
            source(of: item),
          ]
        }, fitting: width, shrinking: [1, 4], keepingEnds: [4])
  }

  /// What `protocols list` says on standard error about files it could not load, or nil when
  /// every file loaded.
  public static func protocolProblems(_ library: ProtocolLibrary) -> String? {
    guard !library.problems.isEmpty else { return nil }
    let count = library.problems.count
    return "\n\(count) protocol \(count == 1 ? "file was" : "files were") not loaded from "
      + "\(quoted(library.directory.path)):\n"
      + library.problems.map { $0.description + "\n" }.joined()
  }

  /// `protocols show`: the protocol's description, then every phase grouped by part with its
  /// time, speaker, note kind, guidance, rules and prompts, prose wrapped at ``width`` columns.
  public static func protocolDescription(_ item: ConsultingProtocol) -> String {
    var text = "\(item.name)\n"
    switch item.source {
    case .builtIn: text += "id: \(item.id) · built-in\n"
    case .file(let path): text += "id: \(item.id) · \(quoted(path))\n"
    }
    if !item.description.isEmpty { text += "\n" + wrap(item.description, indent: 0) }
    let session = [ConsultingProtocol.Part.opening, .closing].compactMap { part in
      item.phases(in: part).isEmpty
        ? nil : "\(part.rawValue) \(PhaseDuration.display(item.seconds(in: part)))"
    }
    text +=
      "\nEach round: \(phaseCount(item.round.count)), \(PhaseDuration.display(item.roundSeconds))"
    text += session.isEmpty ? ".\n" : "; \(session.joined(separator: ", ")).\n"
    for part in ConsultingProtocol.Part.allCases where !item.phases(in: part).isEmpty {
      text += "\n\(part.rawValue.uppercased()) (\(part.schedule))\n"
      for (index, phase) in item.phases(in: part).enumerated() {
        text += "\n  \(index + 1). \(phase.name)\n"
        text +=
          "     \(PhaseDuration.display(phase.durationSeconds)) · speaker: \(phase.speaker.rawValue)"
        text += " · notes: \(phase.noteKind.rawValue)\n"
        if !phase.guidance.isEmpty { text += wrap(phase.guidance, indent: 5) }
        text += list("Rules", phase.rules)
        text += list("Prompts", phase.prompts)
      }
    }
    return text
  }

  /// `protocols check` with no files, when the protocols folder has none.
  public static func noProtocolFiles(in library: ProtocolLibrary) -> String {
    "No protocol files in \(quoted(library.directory.path)); nothing to check.\n"
  }

  /// `protocols check`: the line for a file that is valid.
  public static func protocolValid(_ path: String, _ item: ConsultingProtocol) -> String {
    "\(quoted(path)): OK (id \(item.id), \(phaseCount(item.round.count, kind: "round ")), "
      + "\(PhaseDuration.display(item.roundSeconds)) per round)\n"
  }

  /// `protocols check`: the closing count, said only when more than one file was checked.
  public static func protocolsChecked(total: Int, refused: Int) -> String {
    total > 1 ? "\(total - refused) of \(total) files valid.\n" : ""
  }

  private static func source(of item: ConsultingProtocol) -> String {
    switch item.source {
    case .builtIn: item.id == BuiltInProtocols.defaultID ? "built-in (default)" : "built-in"
    // A file's name may hold a line break, which would start a row of its own.
    case .file(let path): quoted(path)
    }
  }

  private static func list(_ title: String, _ items: [String]) -> String {
    guard !items.isEmpty else { return "" }
    return "     \(title):\n" + items.map { wrap($0, indent: 7, bullet: "- ") }.joined()
  }

  private static func phaseCount(_ count: Int, kind: String = "") -> String {
    "\(count) \(kind)\(count == 1 ? "phase" : "phases")"
  }
}
