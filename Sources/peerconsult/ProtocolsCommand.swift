import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult protocols`: the protocol library on the command line.
struct ProtocolsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "protocols",
    abstract: "List, show and check peer-consulting protocols.",
    discussion: """
      Your own protocols are YAML files in $XDG_CONFIG_HOME/peerconsult/protocols \
      (~/.config/peerconsult/protocols). Docs/PROTOCOL-FILES.md describes the format.
      """,
    subcommands: [List.self, Show.self, Check.self],
    defaultSubcommand: List.self
  )
}

extension ProtocolsCommand {
  /// `protocols list`: one line per protocol; refused user files go to stderr.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the built-in protocols and your own.",
      discussion: """
        Files in your protocols folder that could not be read are listed after the table, on \
        standard error; the others are still listed.
        """)

    @OptionGroup var data: DataOptions

    func run() throws {
      let library = ProtocolLibrary.load(from: data.location.protocolsDirectory)
      let rows =
        [["ID", "NAME", "PHASES", "PER ROUND", "SOURCE"]]
        + library.protocols.map { item in
          [
            item.id, item.name, "\(item.round.count)", PhaseDuration.display(item.roundSeconds),
            sourceLabel(item),
          ]
        }
      try StandardOutput.line(table(rows))
      if !library.problems.isEmpty {
        let count = library.problems.count
        printError(
          "\n\(count) protocol \(count == 1 ? "file was" : "files were") not loaded from \(library.directory.path):"
        )
        for problem in library.problems { printError(problem.description) }
      }
    }

    private func sourceLabel(_ item: ConsultingProtocol) -> String {
      switch item.source {
      case .builtIn: item.id == BuiltInProtocols.defaultID ? "built-in (default)" : "built-in"
      case .file(let path): path
      }
    }
  }

  /// `protocols show`: every phase of one protocol, grouped by part.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a protocol's phases with timings, speakers, guidance, rules and prompts.",
      discussion: """
        To make your own version of a protocol, save it as a file and edit that:
          peerconsult protocols show slg --yaml > ~/.config/peerconsult/protocols/our-slg.yaml
        """)

    @OptionGroup var data: DataOptions

    @Argument(
      help: ArgumentHelp(
        "A protocol id (see 'protocols list') or a protocol file.", valueName: "id-or-file"))
    var protocolName: String

    @Flag(
      help: ArgumentHelp(
        "Print the protocol as a protocol file, to save under a new name and change."))
    var yaml = false

    func run() throws {
      let library = ProtocolLibrary.load(from: data.location.protocolsDirectory)
      let found = try library.resolve(protocolName)
      try StandardOutput.write(yaml ? try ProtocolFile.yaml(for: found) : describe(found))
    }

    private func describe(_ item: ConsultingProtocol) -> String {
      var text = "\(item.name)\n"
      switch item.source {
      case .builtIn: text += "id: \(item.id) · built-in\n"
      case .file(let path): text += "id: \(item.id) · \(path)\n"
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

    private func list(_ title: String, _ items: [String]) -> String {
      guard !items.isEmpty else { return "" }
      return "     \(title):\n" + items.map { wrap($0, indent: 7, bullet: "- ") }.joined()
    }
  }

  /// `protocols check`: validates files, printing OK or every problem; exit 1 if any is refused.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check protocol files; exits 0 only when every file is valid.",
      discussion: """
        With no files, checks every file in your protocols folder, including ids that clash.
        """)

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp("Protocol files to check.", valueName: "file"))
    var files: [String] = []

    func run() throws {
      var refused = 0
      var total = 0
      if files.isEmpty {
        let library = ProtocolLibrary.load(from: data.location.protocolsDirectory)
        let own = library.protocols.filter { $0.source != .builtIn }
        total = own.count + library.problems.count
        if total == 0 {
          try StandardOutput.line(
            "No protocol files in \(library.directory.path); nothing to check.")
          return
        }
        for item in own {
          if case .file(let path) = item.source { try StandardOutput.line(okLine(path, item)) }
        }
        for problem in library.problems { try StandardOutput.line(problem.description) }
        refused = library.problems.count
      } else {
        total = files.count
        for file in files {
          let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
          let verdict: String
          do {
            verdict = okLine(file, try ProtocolFile.load(contentsOf: url))
          } catch {
            verdict = error.description
            refused += 1
          }
          try StandardOutput.line(verdict)
        }
      }
      if total > 1 { try StandardOutput.line("\(total - refused) of \(total) files valid.") }
      if refused > 0 { throw ExitCode.failure }
    }

    private func okLine(_ path: String, _ item: ConsultingProtocol) -> String {
      let phases = phaseCount(item.round.count, kind: "round ")
      return
        "\(path): OK (id \(item.id), \(phases), \(PhaseDuration.display(item.roundSeconds)) per round)"
    }
  }
}

private func phaseCount(_ count: Int, kind: String = "") -> String {
  "\(count) \(kind)\(count == 1 ? "phase" : "phases")"
}
