import ArgumentParser
import Foundation
import PeerConsultApp
import PeerConsultKit

/// `peerconsult run`: set up a session from the command line and go straight to the live screen.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Start a session from the command line, straight to the live screen.",
    discussion: """
      Every participant is given as "Name;Organisation;level" (level: senior, middle, \
      frontline or other); the organisation's other names may follow it, each after a "|" \
      ("Devon & Cornwall Police|DCP"), so an anonymised export replaces them too. Without --presenter, every participant presents once, in the \
      order given. Leaving the session or its summary exits with status 0.

      Example:
        peerconsult run --protocol slg --title "SLG 3" --programme "Alcohol Plan" \\
          --participant "Zoë Müller;City Council;senior" \\
          --participant "Amira O'Neill;NHS Trust;frontline"
      """)

  @Option(
    help: ArgumentHelp(
      "A protocol id (see `peerconsult protocols`) or a YAML file.", valueName: "ID|FILE"))
  var `protocol`: String = BuiltInProtocols.defaultID

  @Option(help: "The session's title.")
  var title: String

  @Option(help: "The programme the session belongs to, e.g. \"Alcohol Plan\".")
  var programme: String = ""

  @Option(
    name: .customLong("participant"),
    help: ArgumentHelp(
      "A participant, \"Name;Organisation;level\". Repeat for each.", valueName: "SPEC"))
  var participants: [String] = []

  @Option(
    name: .customLong("presenter"),
    help: ArgumentHelp("A presenter's name, in round order. Repeat for each.", valueName: "NAME"))
  var presenters: [String] = []

  @OptionGroup var data: DataOptions

  func run() throws {
    let setup = try makeSetup()
    let location = data.location
    let status = try InteractiveTerminal.run(location: location) { _ in .startSession(setup) }
    if status != 0 { throw ExitCode(status) }
  }

  /// The session described by the arguments; each mistake is one clear line.
  func makeSetup() throws -> SessionSetup {
    let library = ProtocolLibrary.load(from: data.location.protocolsDirectory)
    let chosen: ConsultingProtocol
    do { chosen = try library.resolve(self.protocol) } catch { throw CLIError("\(error)") }
    guard !participants.isEmpty else {
      throw CLIError(
        "No participants: add --participant \"Name;Organisation;level\" for each member.")
    }
    var group: [Participant] = []
    for spec in participants {
      do { group.append(try Participant.parse(spec)) } catch {
        throw CLIError("--participant \"\(spec)\": \(error)")
      }
    }
    var order: [Int] = []
    for name in presenters {
      let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
      guard let index = group.firstIndex(where: { $0.name.lowercased() == wanted }) else {
        let names = group.map(\.name).joined(separator: ", ")
        throw CLIError("--presenter \"\(name)\" is not a participant (participants: \(names)).")
      }
      order.append(index)
    }
    if order.isEmpty { order = Array(group.indices) }
    let setup = SessionSetup(
      title: title, programme: programme, consultingProtocol: chosen, participants: group,
      presenters: order)
    // Refused here, before the terminal is taken, with the field named.
    do {
      try setup.validate()
      try setup.validateTypedText()
    } catch { throw CLIError("\(error)") }
    return setup
  }
}
