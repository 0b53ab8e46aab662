import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult check`: reads every page of the database, which a start no longer does, and
/// compares its schema with the one PeerConsult's migrations make.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check every page and the schema of the data folder's database.",
    discussion: """
      Commands check the whole file by themselves only after a program writing to it ended \
      without closing it, or when something other than PeerConsult changed it. The schema \
      (tables, indexes, triggers) is compared with what PeerConsult makes. Exit status 0 when \
      it is sound, 1 (with the problem in one line) when it is not. The file is only read.
      """)

  @OptionGroup var data: DataOptions

  func run() throws {
    guard let check = try AppDatabase.check(directory: data.location.dataDirectory) else {
      try StandardOutput.line(data.noSessionsYet)
      return
    }
    for notice in check.notices { printError(notice) }
    if let problem = check.problem { throw problem }
    try StandardOutput.line(CommandText.checked(check))
  }
}
