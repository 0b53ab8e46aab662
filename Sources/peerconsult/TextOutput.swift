import Foundation
import PeerConsultKit

/// Writes `text` and a terminator to standard error, after whatever standard output holds.
///
/// Messages echo arguments, file names and the first words of files, so their control
/// characters are shown as `�` rather than obeyed by the terminal.
func printError(_ text: String, terminator: String = "\n") {
  // Flushing first keeps the two streams in order when both go to one terminal or file.
  fflush(nil)
  let bytes = Array(CommandText.printable(text + terminator).utf8)
  // Straight to the descriptor: FileHandle.write traps when it fails.
  var written = 0
  while written < bytes.count {
    let result = bytes[written...].withUnsafeBytes {
      Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count)
    }
    if result > 0 {
      written += result
    } else if result < 0 && errno == EINTR {
      continue
    } else {
      return  // Nowhere left to say anything.
    }
  }
}
