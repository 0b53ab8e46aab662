import Foundation

/// Asking on the terminal before a command changes what cannot be changed back.
enum Confirmation {
  /// Asks `question`; throws `declined` unless the answer is yes, and `noTerminal` when there
  /// is no terminal to ask on (a script says `--yes` instead).
  static func ask(_ question: String, noTerminal: String, declined: String) throws {
    guard isatty(STDIN_FILENO) == 1 else { throw CLIError(noTerminal) }
    try StandardOutput.write(question)
    let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
    guard answer == "y" || answer == "yes" else { throw CLIError(declined) }
  }
}
