/// Why an export or a harvest could not be made. Each description is one line that says what
/// is wrong and what to do.
public enum ShareError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No programme has this name; `known` lists the programmes there are.
  case noSuchProgramme(String, known: [String])
  /// A session's events did not rebuild once names were replaced (a bug: nothing is shared).
  case anonymisationFailed(SessionID, reason: String)
  /// The output file exists and overwriting was not asked for.
  case outputExists(path: String)
  case cannotWrite(path: String, reason: String)
  /// The output would replace a database or its log (``PrivateFileWriter/holdsDatabase(_:)``):
  /// every session in it would be lost to an export.
  case wouldReplaceDatabase(path: String)

  public var description: String {
    switch self {
    case .noSuchProgramme(let name, let known):
      // Quoted with their control characters spelt out, so that the refusal stays one line.
      known.isEmpty
        ? "There is no programme \"\(CommandText.quoted(name))\": no session has a programme yet."
        : "There is no programme \"\(CommandText.quoted(name))\"; the programmes are: "
          + known.map { "\"\(CommandText.quoted($0))\"" }.joined(separator: ", ") + "."
    case .anonymisationFailed(let session, let reason):
      "Session \(session.short) could not be anonymised (\(reason.withoutClosingFullStop)); nothing was written: "
        + "please report this."
    case .outputExists(let path):
      "\(path) already exists: choose another name, or add --force to replace it."
    case .cannotWrite(let path, let reason):
      "Cannot write \(path) (\(reason.withoutClosingFullStop)): check the folder exists and is writable."
    case .wouldReplaceDatabase(let path):
      "\(path) is a database, or a database's log, and an export never replaces one: "
        + "choose another name. Nothing was written."
    }
  }
}
