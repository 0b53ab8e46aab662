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
      commandName: "list",
      abstract: "List the built-in protocols and your own.",
      discussion: """
        Files in your protocols folder that could not be read are listed after the table, on \
        standard error; the others are still listed.
        """)

    @OptionGroup var data: DataOptions

    func run() throws {
      let library = ProtocolLibrary.load(from: data.location.protocolsDirectory)
      try StandardOutput.write(CommandText.protocolList(library, width: outputColumns))
      if let problems = CommandText.protocolProblems(library) {
        printError(problems)
      }
    }
  }

  /// `protocols show`: every phase of one protocol, grouped by part.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
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
      try StandardOutput.write(
        yaml ? try ProtocolFile.yaml(for: found) : CommandText.protocolDescription(found))
    }
  }

  /// `protocols check`: validates files, printing OK or every problem; exit 1 if any is refused.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
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
          try StandardOutput.write(CommandText.noProtocolFiles(in: library))
          return
        }
        for item in own {
          if case .file(let path) = item.source {
            try StandardOutput.write(CommandText.protocolValid(path, item))
          }
        }
        for problem in library.problems { try StandardOutput.line(problem.description) }
        refused = library.problems.count
      } else {
        total = files.count
        for file in files {
          let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
          let verdict: String
          do {
            verdict = CommandText.protocolValid(file, try ProtocolFile.load(contentsOf: url))
          } catch {
            verdict = error.description + "\n"
            refused += 1
          }
          try StandardOutput.write(verdict)
        }
      }
      try StandardOutput.write(CommandText.protocolsChecked(total: total, refused: refused))
      if refused > 0 { throw ExitCode.failure }
    }
  }
}
