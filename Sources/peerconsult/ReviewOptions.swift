import ArgumentParser
import Foundation
import PeerConsultApp
import PeerConsultKit

/// What `export` and `harvest` do after the review options are taken in.
enum ReviewStep {
  /// Write the export.
  case write
  /// Print this review instead (`--review` without a terminal).
  case print(String)
  /// Open the review screen (`--review` on a terminal), which writes the export itself.
  case screen
}

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

  /// Whether any of these options was given: without one, ``check(_:anonymise:data:records:)``
  /// looks at nothing and the export is written.
  var asked: Bool { review || strict || !replace.isEmpty || !keep.isEmpty }

  /// Whether `--review` opens the review screen: standard input and output are a terminal.
  private var opensScreen: Bool {
    review && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
  }

  /// Records the choices given in each of `ids`'s sessions, then says whether the export may
  /// be written, or the review is to be printed or shown instead. Throws while `--strict` finds
  /// a suspect without a choice. `review` reads what anonymising will do, once the choices
  /// are stored.
  func check(
    _ ids: [SessionID], anonymise: Bool, data: DataOptions, review: () throws -> ShareReview
  )
    throws -> ReviewStep
  {
    guard asked else { return .write }
    guard anonymise else {
      throw CLIError("--review, --strict, --replace and --keep are for --anonymise.")
    }
    // What the choices' lines need: the names that are always replaced, and the words a
    // choice was saved for before (a keep that undoes a replace changes something).
    var named = Set<String>()
    var chosenBefore = Set<String>()
    if !replace.isEmpty || !keep.isEmpty {
      let database = try data.database()
      defer { database.closeForExit() }
      try data.holdingLeases(on: ids, in: database) {
        for id in ids {
          let session = try LiveSession.resume(id, store: database, clock: SystemClock())
          for person in session.state.participants {
            for name in [person.name, person.organisation] + person.organisationAliases {
              named.insert(ShareReview.key(name))
            }
          }
          chosenBefore.formUnion(session.state.shareChoices.keys)
          for word in replace { try session.chooseForSharing(word, replace: true) }
          for word in keep { try session.chooseForSharing(word, replace: false) }
        }
      }
    }
    if opensScreen { return .screen }
    let review = try review()
    for line in CommandText.choicesWithoutEffect(
      review, replace: replace, keep: keep, named: named, chosenBefore: chosenBefore)
    {
      printError(line)
    }
    if self.review { return .print(CommandText.shareReview(review)) }
    if strict, !review.unresolved.isEmpty {
      let words = review.unresolved.map(\.text).joined(separator: ", ")
      throw CLIError(
        "\(CommandText.counted(review.unresolved.count, "suspect has", "suspects have")) no choice "
          + "(\(words)): add --replace WORD or --keep WORD, or see them with --review. Nothing was written."
      )
    }
    return .write
  }

  /// Runs the review screen for `subject` until the facilitator leaves it: it writes the
  /// export in `format` to `-o PATH` (replacing it with `--force`), or to a file in the data
  /// folder's exports, as the facilitator chooses there.
  func showScreen(
    _ subject: ShareSubject, heading: String, format: ShareFormat, output: OutputOptions,
    data: DataOptions
  ) throws {
    let screen = ShareReviewState(
      subject: subject, heading: heading, format: format,
      // Relative to where the command runs, as `-o` is without --review.
      path: output.path.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath).path },
      replacing: output.force,
      dataDirectory: data.location.dataDirectory.path, back: nil)
    let status = try InteractiveTerminal.run(location: data.location, firstScreen: screen) { _ in
      .loadShareReview(subject)
    }
    if status != 0 { throw ExitCode(status) }
  }
}
