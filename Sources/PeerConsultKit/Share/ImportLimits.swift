/// How large an export file import accepts, so that any file is accepted or refused in time
/// and memory bounded by these figures.
///
/// A regular file is read from the disk a piece at a time, each session alone, at each of the
/// readings (the JSON and the header, then the sessions as they are written; see
/// ``SessionImport/run(_:intoFolder:limits:opened:)``): memory
/// is bounded by the largest session (``SessionImport/maximumSessionSize``), not by the file,
/// and time grows with the file's length. Anything else (a pipe, `<(…)`) cannot be read twice,
/// so it is held in memory whole, and so are the files of the readers that keep every
/// session (``SessionImport/readAll(_:)-(URL)``).
public struct ImportLimits: Hashable, Sendable {
  /// The longest regular file read a piece at a time.
  public var file: Int
  /// The most held in memory at once: a pipe's bytes.
  public var memory: Int

  public init(file: Int, memory: Int) {
    self.file = file
    self.memory = memory
  }

  /// What `peerconsult import` accepts: a file of up to 4 GiB, about 40,000 sessions as the
  /// benchmark's programmes hold them (10,000 take 955 MB), read in the time a few minutes a
  /// gigabyte takes; a pipe of up to 256 MB, the limit every file had before import streamed.
  public static let standard = ImportLimits(file: 4 << 30, memory: 256 << 20)

  /// For readers that keep every session of the file in memory: 256 MB, whatever it is.
  public static let whole = ImportLimits(file: 256 << 20, memory: 256 << 20)
}
