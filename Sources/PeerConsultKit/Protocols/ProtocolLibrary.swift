import Foundation

/// The protocols a facilitator can choose from: the built-ins, then the user's own files from
/// the protocols folder (`$XDG_CONFIG_HOME/peerconsult/protocols`).
///
/// Loading never fails as a whole: a bad file is kept out and reported in ``problems`` while the
/// others load.
public struct ProtocolLibrary: Sendable {
  /// The folder the user's protocols were read from.
  public let directory: URL
  /// The built-ins in their fixed order (the default first), then the user's sorted by id.
  public let protocols: [ConsultingProtocol]
  /// One entry per refused file (or per folder that could not be read), in file name order.
  public let problems: [ProtocolFileError]

  /// Reads the built-ins and every `*.yaml` and `*.yml` file directly inside `directory`.
  ///
  /// A missing folder is not a problem: most people never write a protocol. Hidden files and
  /// sub-folders are skipped. Two files with the same id load the first by name and report the
  /// second.
  ///
  /// - Parameter shouldStop: asked before each file; once it says yes the files not yet read
  ///   are left out, so a signal is honoured within one file's time (each file is bounded, but
  ///   a folder of many large ones takes seconds).
  public static func load(
    from directory: URL, shouldStop: () -> Bool = { false }
  ) -> ProtocolLibrary {
    let fileManager = FileManager.default
    let folderPath = directory.path
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: folderPath, isDirectory: &isDirectory) else {
      return ProtocolLibrary(directory: directory, protocols: BuiltInProtocols.all, problems: [])
    }
    guard isDirectory.boolValue else {
      let problem = ProtocolFileError(
        path: folderPath,
        message: "the protocols folder is a file; move it away so a folder can take its place")
      return ProtocolLibrary(
        directory: directory, protocols: BuiltInProtocols.all, problems: [problem])
    }
    let names: [String]
    do {
      names = try fileManager.contentsOfDirectory(atPath: folderPath)
    } catch {
      let problem = ProtocolFileError(
        path: folderPath, message: "can't read the protocols folder; check its permissions")
      return ProtocolLibrary(
        directory: directory, protocols: BuiltInProtocols.all, problems: [problem])
    }

    var loaded: [String: ConsultingProtocol] = [:]
    var problems: [ProtocolFileError] = []
    for name in names.sorted() where isProtocolFileName(name) {
      if shouldStop() { break }
      let url = directory.appendingPathComponent(name)
      do {
        let read = try ProtocolFile.load(contentsOf: url)
        if let first = loaded[read.id], case .file(let firstPath) = first.source {
          problems.append(
            ProtocolFileError(
              path: url.relativePath,
              message: """
                the id '\(read.id)' is already used by \(firstPath); rename one of the files
                """))
        } else {
          loaded[read.id] = read
        }
      } catch {
        problems.append(error)
      }
    }
    let user = loaded.values.sorted { $0.id < $1.id }
    return ProtocolLibrary(
      directory: directory, protocols: BuiltInProtocols.all + user, problems: problems)
  }

  /// The protocol with this id, built-in or the user's.
  public func protocolWithID(_ id: String) -> ConsultingProtocol? {
    protocols.first { $0.id == id }
  }

  /// Finds a protocol by id, or reads the file when given a path.
  ///
  /// The argument is taken as a path when it contains `/`, starts with `~` or ends in `.yaml`
  /// or `.yml`; otherwise as an id (ignoring case), falling back to a file of that name in the
  /// current folder.
  public func resolve(_ idOrPath: String) throws(ProtocolLookupError) -> ConsultingProtocol {
    let argument = idOrPath.trimmingCharacters(in: .whitespaces)
    if Self.looksLikePath(argument) { return try Self.loadFile(argument) }
    let id = argument.lowercased()
    if let found = protocolWithID(id) { return found }
    if let problem = problems.first(where: {
      Self.isProtocolFileName($0.path) && ProtocolFile.id(forFileAt: $0.path) == id
    }) {
      throw .invalidFile(problem)
    }
    if !argument.isEmpty, FileManager.default.fileExists(atPath: argument) {
      return try Self.loadFile(argument)
    }
    throw .unknownID(argument, knownIDs: protocols.map(\.id))
  }

  private static func loadFile(_ path: String) throws(ProtocolLookupError) -> ConsultingProtocol {
    let expanded = (path as NSString).expandingTildeInPath
    do {
      return try ProtocolFile.load(contentsOf: URL(fileURLWithPath: expanded))
    } catch {
      throw .invalidFile(error)
    }
  }

  private static func looksLikePath(_ argument: String) -> Bool {
    argument.contains("/") || argument.hasPrefix("~") || isProtocolFileName(argument)
  }

  private static func isProtocolFileName(_ path: String) -> Bool {
    let name = (path as NSString).lastPathComponent
    let fileExtension = (name as NSString).pathExtension.lowercased()
    return !name.hasPrefix(".") && ProtocolFile.fileExtensions.contains(fileExtension)
  }
}

/// Why ``ProtocolLibrary/resolve(_:)`` found no protocol.
public enum ProtocolLookupError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No protocol has this id; `knownIDs` lists the ones that exist.
  case unknownID(String, knownIDs: [String])
  /// The file (given by path, or the user's file with that id) was refused.
  case invalidFile(ProtocolFileError)

  public var description: String {
    switch self {
    case .unknownID(let id, let knownIDs):
      let suggestion = id.closestMatch(in: knownIDs).map { " Did you mean '\($0)'?" } ?? ""
      return """
        no protocol has the id '\(id)'.\(suggestion) Known ids: \(knownIDs.joined(separator: ", ")). \
        To use a protocol file, give its path, e.g. ./\(id.isEmpty ? "my-protocol" : id).yaml
        """
    case .invalidFile(let error):
      return error.description
    }
  }
}
