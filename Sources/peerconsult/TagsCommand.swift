import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult tags`: the `#tags` written in notes, counted across sessions.
struct TagsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tags",
    abstract: "Count the #tags written in notes: in how many sessions and notes, first and last.",
    discussion: """
      A tag is a # followed by letters or digits, joined by - or _ (#licensing, \
      #night-time-economy); case and accents do not matter. Find a tag's notes with \
      peerconsult search '#licensing'.
      """)

  @OptionGroup var data: DataOptions

  @Option(help: ArgumentHelp("Only the sessions of this programme.", valueName: "P"))
  var programme: String?

  @Flag(help: "Print JSON (described in Docs/EXPORT-FORMAT.md).")
  var json = false

  func run() throws {
    guard let database = try data.existingDatabase() else {
      try StandardOutput.line(json ? "[]" : data.noSessionsYet)
      return
    }
    defer { database.closeForExit() }
    let programme = try self.programme.map(database.resolveProgramme)
    let counts = try database.tagCounts(programme: programme)
    try StandardOutput.write(json ? CommandJSON.tags(counts) : CommandText.tags(counts))
  }
}
