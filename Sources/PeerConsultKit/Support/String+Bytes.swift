import Foundation

extension String {
  /// Whether the text's UTF-8 holds `byte`. Looked for with `memchr`, which reads many bytes
  /// at a time, where the text's storage is contiguous: an anonymised report asks it of every
  /// note, and the walk a byte at a time cost a fortieth of the report.
  func holdsByte(_ byte: UInt8) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { bytes in
      guard let start = bytes.baseAddress else { return false }
      return memchr(start, Int32(byte), bytes.count) != nil
    }
    return found ?? utf8.contains(byte)
  }
}
