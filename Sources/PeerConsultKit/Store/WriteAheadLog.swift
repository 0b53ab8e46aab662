import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a database's write-ahead log (`-wal`) the way SQLite's recovery does, to find what
/// that recovery would silently drop.
///
/// SQLite replays the log's frames up to the first whose checksum fails and ignores the rest,
/// so a scribbled or cut frame in the middle loses every transaction committed after it
/// without a word, and the next writer overwrites them. The format
/// (<https://www.sqlite.org/fileformat2.html#walformat>): a 32-byte header (magic, version,
/// page size, checkpoint sequence, two salts, a checksum of the first 24 bytes), then frames of
/// a 24-byte header (page number, the database's size in pages on a commit frame and 0
/// otherwise, the salts, a checksum) and one page. Each frame's checksum continues the one
/// stored in the frame before it (the log header's for the first), over the frame header's
/// first 8 bytes and the page, in the byte order the magic names.
///
/// Because a checksum continues the *stored* one before it (or, when that frame's checksum
/// field is what was hit, the one its bytes give), a frame after a damaged one can still be
/// checked on its own: an intact frame carrying the log's salts after a damaged one
/// is committed work that SQLite will not read. Frames of an older generation (a log restarted
/// after a checkpoint carries new salts and leaves the old frames beyond its end) and the end
/// of a transaction cut short by a crash are what every log looks like and are not damage; a
/// transaction rolled back after spilling pages leaves intact frames but no commit frame.
///
/// The file is streamed one frame at a time (memory is one page) and read no further than
/// ``maximumScannedBytes``.
enum WriteAheadLog {
  /// How much of a log is read: SQLite checkpoints a log back into the database at about
  /// 4 MB, so a longer one is rare; this bounds the time a look takes (about a second for a
  /// debug build).
  static let maximumScannedBytes = 64 << 20

  /// What a look at a log found.
  struct Scan: Equatable {
    /// Frames with the log's salts and a good checksum, counted from the start, before the
    /// first bad one: what SQLite's recovery reads (up to the last commit among them).
    var intactFrames = 0
    /// The first frame that fails (1 for the first; 0 for the log's own header), or nil.
    var firstBadFrame: Int?
    /// Intact frames of this generation after the first bad one, and how many of them end a
    /// committed transaction.
    var intactFramesAfterDamage = 0
    var commitsAfterDamage = 0
    /// Frames read in all.
    var frames = 0
    /// A digest of the header and every frame header, naming this log's contents, so the same
    /// damaged log is copied aside once however often it is found.
    var fingerprint: UInt64 = 0

    /// Whether SQLite would drop committed transactions: a frame fails and at least one
    /// committed transaction of the same generation follows it.
    var losesCommittedWork: Bool { firstBadFrame != nil && commitsAfterDamage > 0 }
  }

  /// Reads the log at `path`, or returns nil when there is nothing to read: no file, an
  /// empty one, something other than a regular file, or a header that is not a log's (SQLite
  /// then ignores the file as well).
  static func scan(_ path: String) -> Scan? {
    // Non-blocking, so that a FIFO in the log's place is refused at once, not waited on.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    var header = [UInt8](repeating: 0, count: headerSize)
    guard readFully(descriptor, into: &header), let layout = Layout(header: header) else {
      return nil
    }
    var scan = Scan()
    var digest = Digest()
    digest.add(header)
    // The checksum stored in the frame before, and the one its bytes give: they differ when
    // that frame's own checksum field was hit, and the next frame then continues the latter.
    var previous = (word(header, 24), word(header, 28))
    var previousComputed = checksum(header[0..<24], seed: (0, 0), bigEndian: layout.bigEndian)
    if previousComputed != previous { scan.firstBadFrame = 0 }
    let salts = header[16..<24]
    var frame = [UInt8](repeating: 0, count: frameHeaderSize + layout.pageSize)
    var scanned = headerSize
    while scanned + frame.count <= maximumScannedBytes, readFully(descriptor, into: &frame) {
      scanned += frame.count
      scan.frames += 1
      digest.add(frame[0..<frameHeaderSize])
      let stored = (word(frame, 16), word(frame, 20))
      let computed = checksum(frame[0..<8], frame[frameHeaderSize...], seed: previous, layout)
      let intact =
        frame[8..<16].elementsEqual(salts)
        && (computed == stored
          || previousComputed != previous
            && checksum(frame[0..<8], frame[frameHeaderSize...], seed: previousComputed, layout)
              == stored)
      previous = stored
      previousComputed = computed
      if scan.firstBadFrame == nil {
        if intact { scan.intactFrames += 1 } else { scan.firstBadFrame = scan.frames }
      } else if intact {
        scan.intactFramesAfterDamage += 1
        if word(frame, 4) != 0 { scan.commitsAfterDamage += 1 }
      }
    }
    digest.add(withUnsafeBytes(of: info.st_size.bigEndian) { Array($0) })
    scan.fingerprint = digest.value
    return scan
  }

  // MARK: The format

  static let headerSize = 32
  static let frameHeaderSize = 24
  /// The magic of a log whose checksums read words little-endian; `| 1`, big-endian.
  private static let magic: UInt32 = 0x377f_0682

  /// What a log's header says about reading its frames.
  private struct Layout {
    let bigEndian: Bool
    let pageSize: Int

    init?(header: [UInt8]) {
      let magic = WriteAheadLog.word(header, 0)
      let pageSize = Int(WriteAheadLog.word(header, 8))
      guard magic & ~1 == WriteAheadLog.magic, (512...65_536).contains(pageSize),
        pageSize & (pageSize - 1) == 0
      else { return nil }
      bigEndian = magic & 1 == 1
      self.pageSize = pageSize
    }
  }

  /// The big-endian 32-bit number at `offset`, as every field of the format is stored.
  private static func word(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
  }

  private static func checksum(
    _ head: ArraySlice<UInt8>, _ page: ArraySlice<UInt8>, seed: (UInt32, UInt32),
    _ layout: Layout
  ) -> (UInt32, UInt32) {
    checksum(
      page, seed: checksum(head, seed: seed, bigEndian: layout.bigEndian),
      bigEndian: layout.bigEndian)
  }

  /// SQLite's log checksum of `bytes` (a multiple of 8 long), continuing `seed`: the bytes
  /// are read as 32-bit words in the log's byte order, and each pair is folded into two sums.
  private static func checksum(
    _ bytes: ArraySlice<UInt8>, seed: (UInt32, UInt32), bigEndian: Bool
  ) -> (UInt32, UInt32) {
    var (s0, s1) = seed
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset + 8 <= raw.count {
        let x0 = raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        let x1 = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
        s0 = s0 &+ (bigEndian ? x0.bigEndian : x0.littleEndian) &+ s1
        s1 = s1 &+ (bigEndian ? x1.bigEndian : x1.littleEndian) &+ s0
        offset += 8
      }
    }
    return (s0, s1)
  }

  /// Fills `buffer` from `descriptor`; false at the end of the file before it is full (a log
  /// cut inside a frame ends there, as SQLite's recovery does).
  private static func readFully(_ descriptor: Int32, into buffer: inout [UInt8]) -> Bool {
    var filled = 0
    while filled < buffer.count {
      let count = buffer.withUnsafeMutableBytes { raw in
        read(descriptor, raw.baseAddress! + filled, raw.count - filled)
      }
      if count > 0 {
        filled += count
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        return false
      }
    }
    return true
  }

  /// 64-bit FNV-1a, enough to tell one log's contents from another's.
  private struct Digest {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
      for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
  }
}
