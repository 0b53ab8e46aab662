import Foundation

/// Writes `text` and a terminator to standard error, after whatever standard output holds.
func printError(_ text: String, terminator: String = "\n") {
  // Flushing first keeps the two streams in order when both go to one terminal or file.
  fflush(nil)
  FileHandle.standardError.write(Data((text + terminator).utf8))
}
