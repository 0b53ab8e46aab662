import Foundation

/// Writes exports as files only their owner can read (0600): transcripts are confidential.
public enum PrivateFile {
  /// Writes `text` to `url` and flushes it to disk. An existing file is refused unless
  /// `replacing`; then it is replaced in one step, so a failure leaves the old file whole.
  /// (``PrivateFileWriter`` writes one a piece at a time, with the same guarantees.)
  public static func write(_ text: String, to url: URL, replacing: Bool = false)
    throws(ShareError)
  {
    let writer = try PrivateFileWriter(to: url, replacing: replacing)
    try writer.write(text)
    try writer.commit()
  }
}
