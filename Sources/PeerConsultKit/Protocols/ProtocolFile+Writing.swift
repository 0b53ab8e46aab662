import Yams

extension ProtocolFile {
  /// The protocol in the file format, so a built-in can be copied and changed; reading the text
  /// back gives the same name, description and phases.
  ///
  /// Every phase key is written out, defaults included, so the copy shows what can be changed.
  public static func yaml(for consultingProtocol: ConsultingProtocol) throws -> String {
    // The emitter writes text plain whenever YAML syntax allows, even where a reader would take
    // it for something else ("null", "yes", "12"), so such text is quoted here.
    func scalar(_ text: String) -> Node {
      if text.contains("\n") { return Node(text, .implicit, .literal) }
      let plain = Node(text)
      return Resolver.default.resolveTag(of: plain) == .str
        ? plain : Node(text, .implicit, .doubleQuoted)
    }
    func list(_ items: [String]) -> Node { Node(items.map(scalar)) }
    func phases(_ phases: [Phase]) -> Node {
      Node(
        phases.map { phase in
          Node([
            (scalar("name"), scalar(phase.name)),
            (scalar("duration"), scalar(PhaseDuration.format(phase.durationSeconds))),
            (scalar("speaker"), scalar(phase.speaker.rawValue)),
            (scalar("guidance"), scalar(phase.guidance)),
            (scalar("rules"), list(phase.rules)),
            (scalar("prompts"), list(phase.prompts)),
            (scalar("note_kind"), scalar(phase.noteKind.rawValue)),
          ])
        })
    }
    var pairs: [(Node, Node)] = [
      (scalar("name"), scalar(consultingProtocol.name)),
      (scalar("description"), scalar(consultingProtocol.description)),
    ]
    for part in ConsultingProtocol.Part.allCases {
      let partPhases = consultingProtocol.phases(in: part)
      if part == .round || !partPhases.isEmpty {
        pairs.append((scalar(part.rawValue), phases(partPhases)))
      }
    }
    if !consultingProtocol.adviceStems.isEmpty {
      pairs.append((scalar("advice_stems"), list(consultingProtocol.adviceStems)))
    }
    let body = try Yams.serialize(
      node: Node(pairs), indent: 2, width: 96, allowUnicode: true, sortKeys: false,
      newLineScalarStyle: .literal)
    let origin =
      consultingProtocol.source == .builtIn
      ? "Copied from the built-in protocol \"\(consultingProtocol.name)\" (\(consultingProtocol.id))."
      : "Written out from the protocol \"\(consultingProtocol.name)\" (\(consultingProtocol.id))."
    return """
      # \(origin)
      # Save it in ~/.config/peerconsult/protocols/ under a new name (the file name is its id),
      # then change what your group needs. The format is described in Docs/PROTOCOL-FILES.md.

      """ + "\n" + body
  }
}
