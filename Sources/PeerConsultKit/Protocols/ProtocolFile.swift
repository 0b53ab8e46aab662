import Foundation

/// Reads custom protocol files: small YAML files whose format is documented in
/// `Docs/PROTOCOL-FILES.md`.
///
/// A file is either read whole and valid, or refused with every problem found; nothing in a file
/// is silently dropped (unknown keys are refused, not ignored).
public enum ProtocolFile {
  /// Files larger than this are refused unread; a protocol is a page or two of text.
  public static let maximumBytes = 256 * 1024

  /// File name extensions read from the protocols folder, compared without regard to case.
  public static let fileExtensions = ["yaml", "yml"]

  /// Reads and validates the protocol file at `url`.
  ///
  /// The protocol's id is the file's base name in lower case with runs of other characters
  /// turned into `-` (`Team Check-in.yaml` → `team-check-in`). An id that belongs to a built-in
  /// protocol is refused, so `slg` always means the same protocol.
  public static func load(contentsOf url: URL) throws(ProtocolFileError) -> ConsultingProtocol {
    let data = try readBytes(of: url)
    return try parse(data, path: url.relativePath, sourcePath: url.standardizedFileURL.path)
  }

  /// Validates `data` as the protocol file named `path` (used in messages and for the id).
  static func parse(_ data: Data, path: String, sourcePath: String? = nil) throws(ProtocolFileError)
    -> ConsultingProtocol
  {
    let text = try decodeText(data, path: path)
    var idIssues: [ProtocolFileError.Issue] = []
    let id = self.id(forFileAt: path)
    if id.isEmpty {
      idIssues.append(
        .init(
          message:
            "the file name gives no id; name the file with letters or digits, e.g. my-protocol.yaml"
        ))
    } else if let builtIn = BuiltInProtocols.protocolWithID(id) {
      idIssues.append(
        .init(
          message: """
            the id '\(id)' (from the file name) belongs to the built-in protocol \
            "\(builtIn.name)"; rename the file, e.g. \(id)-custom.yaml
            """))
    }
    var reader = ProtocolFileReader()
    let read = reader.read(text, id: id, source: .file(path: sourcePath ?? path))
    // Problems come in the order the reader met them; the file's order is easier to work through.
    let issues =
      idIssues
      + reader.issues.enumerated().sorted {
        ($0.element.line ?? 0, $0.element.column ?? 0, $0.offset)
          < ($1.element.line ?? 0, $1.element.column ?? 0, $1.offset)
      }.map(\.element)
    guard issues.isEmpty, let read else {
      throw ProtocolFileError(path: path, issues: issues)
    }
    return read
  }

  /// The id a protocol file gets from its name.
  static func id(forFileAt path: String) -> String {
    let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    // Folding accents keeps "Café" as "cafe" rather than "caf"; other scripts stay as they are.
    let folded = base.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .lowercased()
    var slug = ""
    for character in folded {
      if character.isLetter || character.isNumber {
        slug.append(character)
      } else if !slug.isEmpty, slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.last == "-" { slug.removeLast() }
    return slug
  }

  /// Reads at most `maximumBytes` (plus one, to notice a larger file), refusing anything that is
  /// not a regular file so a FIFO or device cannot block or flood the reader.
  private static func readBytes(of url: URL) throws(ProtocolFileError) -> Data {
    let path = url.relativePath
    let fileManager = FileManager.default
    let resolved = url.resolvingSymlinksInPath().path
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
      throw ProtocolFileError(path: path, message: missingMessage(for: url.path))
    }
    if isDirectory.boolValue {
      throw ProtocolFileError(path: path, message: "this is a folder, not a protocol file")
    }
    let attributes = try? fileManager.attributesOfItem(atPath: resolved)
    guard attributes?[.type] as? FileAttributeType == .typeRegular else {
      throw ProtocolFileError(path: path, message: "this is not a regular file; give a .yaml file")
    }
    if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maximumBytes {
      throw tooLarge(path: path)
    }
    guard fileManager.isReadableFile(atPath: resolved),
      let handle = FileHandle(forReadingAtPath: resolved)
    else {
      throw ProtocolFileError(
        path: path, message: "can't read this file: permission denied; check its permissions")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
    } catch {
      throw ProtocolFileError(
        path: path, message: "can't read this file: \(error.localizedDescription)")
    }
    if data.count > maximumBytes { throw tooLarge(path: path) }
    return data
  }

  /// What to say of a file that cannot be found at `path`: a symbolic link that leads nowhere
  /// or round in a loop is named as such, since the name itself is there to see.
  private static func missingMessage(for path: String) -> String {
    var link = stat()
    guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else {
      return "no such file; check the name and folder"
    }
    var target = stat()
    guard stat(path, &target) != 0 else { return "no such file; check the name and folder" }
    switch errno {
    case ELOOP: return "a symbolic link that leads round in a loop; point it at the protocol file"
    case ENOENT, ENOTDIR:
      return "a symbolic link to a file that is not there; point it at the protocol file"
    default: return "no such file; check the name and folder"
    }
  }

  private static func tooLarge(path: String) -> ProtocolFileError {
    ProtocolFileError(
      path: path,
      message: """
        the file is larger than \(maximumBytes / 1024) KiB, the limit for protocol files; is \
        this the right file?
        """)
  }

  /// Turns bytes into text, refusing binary files, UTF-16 and invalid UTF-8 with the place of
  /// the first bad byte.
  private static func decodeText(_ data: Data, path: String) throws(ProtocolFileError) -> String {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw ProtocolFileError(
        path: path, message: "the file is saved as UTF-16 text; save it as UTF-8 and try again")
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.contains(0) {
      throw ProtocolFileError(
        path: path,
        message: "this is not a text file (it contains NUL bytes); a protocol file is YAML text")
    }
    // Most files are valid: validated in one pass; only a bad one is walked to place the error.
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var line = 1
    var column = 1
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if Unicode.UTF8.decode(encoded) == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        break loop
      case .error:
        throw ProtocolFileError(
          path: path,
          issues: [
            .init(
              line: line, column: column,
              message: """
                this is not UTF-8 text (an invalid byte here); save the file as UTF-8, or check \
                it is a protocol file at all
                """)
          ])
      }
    }
    // Not reached: text that fails validation has an invalid byte for the walk to find.
    return String(decoding: bytes, as: UTF8.self)
  }
}
