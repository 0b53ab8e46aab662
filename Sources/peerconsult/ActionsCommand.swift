import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult actions`: the actions agreed in sessions, with owners and whether done.
struct ActionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actions", abstract: "List the actions agreed in sessions, newest session first.")

  @OptionGroup var data: DataOptions

  @Option(help: ArgumentHelp("Only the sessions of this programme.", valueName: "P"))
  var programme: String?

  @Option(
    help: ArgumentHelp(
      "Only actions this person owns: a name or part of one, in any case, accents optional.",
      valueName: "NAME"))
  var owner: String?

  @Flag(help: "Only actions not done yet.")
  var open = false

  func run() throws {
    guard let database = try data.existingDatabase() else {
      try StandardOutput.line(data.noSessionsYet)
      return
    }
    defer { try? database.close() }
    let programme = try self.programme.map(database.resolveProgramme)
    let filter = owner.map(NameFilter.init)
    let time = ReadableTime()
    var shown = 0
    var done = 0
    for record in try database.records(programme: programme).reversed() {
      let actions = record.actions.filter { action in
        (!open || !action.isDone)
          && (filter.map { filter in action.owner.map(filter.matches) ?? false } ?? true)
      }
      guard !actions.isEmpty else { continue }
      let state = record.state
      let programmeLabel =
        state.setup.programme.isEmpty ? "" : "\(oneLine(state.setup.programme)) · "
      try StandardOutput.line(
        (shown == 0 ? "" : "\n") + "\(time.day(state.createdAt))  \(oneLine(state.setup.title))"
          + "  (\(programmeLabel)\(record.id.short))")
      for action in actions {
        var detail = [action.owner.map(oneLine) ?? "no owner"]
        if let doneAt = action.doneAt { detail.append("done \(time.day(doneAt))") }
        let text = action.text.withoutControlCharacters.replacingOccurrences(
          of: "\n", with: "\n      ")
        try StandardOutput.line(
          "  [\(action.isDone ? "x" : " ")] \(text) (\(detail.joined(separator: "; ")))")
      }
      shown += actions.count
      done += actions.count { $0.isDone }
    }
    guard shown > 0 else {
      try StandardOutput.line(owner == nil && !open ? "No actions yet." : "No actions match.")
      return
    }
    try StandardOutput.line(
      "\n\(counted(shown, open ? "open action" : "action"))" + (open ? "." : ", \(done) done."))
  }
}
