import ArgumentParser
import Foundation
import PeerConsultKit

/// Looking at what anonymising does before it is shared (`export` and `harvest`).
struct ReviewOptions: ParsableArguments {
  @Flag(help: "List every replacement and every suspect instead of writing the export.")
  var review = false

  @Flag(help: "Refuse to write while a suspect has no choice.")
  var strict = false

  @Option(help: ArgumentHelp("Replace this suspect, now and in later exports.", valueName: "WORD"))
  var replace: [String] = []

  @Option(
    help: ArgumentHelp("Keep this suspect as written, now and in later exports.", valueName: "WORD")
  )
  var keep: [String] = []

  private var asked: Bool { review || strict || !replace.isEmpty || !keep.isEmpty }

  /// Records the choices given in each of `ids`'s sessions, then returns nil when the export
  /// may be written, or the review to print instead. Throws while `--strict` finds a suspect
  /// without a choice.
  func check(
    _ ids: [SessionID], anonymise: Bool, data: DataOptions, records: () throws -> [SessionRecord]
  )
    throws -> String?
  {
    guard asked else { return nil }
    guard anonymise else {
      throw CLIError("--review, --strict, --replace and --keep are for --anonymise.")
    }
    if !replace.isEmpty || !keep.isEmpty {
      let database = try data.database()
      defer { try? database.close() }
      for id in ids {
        let session = try LiveSession.resume(id, store: database, clock: SystemClock())
        for word in replace { try session.chooseForSharing(word, replace: true) }
        for word in keep { try session.chooseForSharing(word, replace: false) }
      }
    }
    let review = ShareReview(records: try records())
    if self.review { return CommandText.shareReview(review) }
    if strict, !review.unresolved.isEmpty {
      let words = review.unresolved.map(\.text).joined(separator: ", ")
      throw CLIError(
        "\(CommandText.counted(review.unresolved.count, "suspect has", "suspects have")) no choice "
          + "(\(words)): add --replace WORD or --keep WORD, or see them with --review. Nothing was written."
      )
    }
    return nil
  }
}
