import Foundation
import TextLayout

/// Where PeerConsult keeps its data and reads user configuration, per the XDG base directories.
public struct DataLocation: Sendable, Equatable {
  /// The data folder: the database lives here.
  public var dataDirectory: URL
  /// The folder holding the user's own protocol files.
  public var protocolsDirectory: URL

  public init(dataDirectory: URL, protocolsDirectory: URL) {
    self.dataDirectory = dataDirectory
    self.protocolsDirectory = protocolsDirectory
  }

  /// Where the screens write exports unless told otherwise: a folder of the data folder, as
  /// private as the transcripts it holds copies of.
  public var exportsDirectory: URL { dataDirectory.appendingPathComponent("exports") }

  /// Makes sure ``exportsDirectory`` exists, created 0700 like the data folder.
  public func prepareExportsDirectory() throws(StoreError) {
    try DataFolder.prepare(exportsDirectory)
  }

  /// Refuses a data folder that cannot be one, such as a file in its place, so that a reading
  /// command does not report it as empty; a folder that does not exist yet is fine.
  public func checkDataDirectory() throws(StoreError) {
    _ = try DataFolder.existsAsFolder(dataDirectory)
  }

  /// Resolves the folders: an explicit `--data-dir` wins, then `PEERCONSULT_DATA_DIR`,
  /// then `$XDG_DATA_HOME/peerconsult`, then `~/.local/share/peerconsult`.
  public static func resolve(
    dataDir: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> DataLocation {
    let home =
      environment["HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser
    func nonEmpty(_ key: String) -> String? {
      guard let value = environment[key], !value.isEmpty else { return nil }
      return value
    }
    let data: URL
    if let dataDir, !dataDir.isEmpty {
      data = URL(fileURLWithPath: dataDir)
    } else if let env = nonEmpty("PEERCONSULT_DATA_DIR") {
      data = URL(fileURLWithPath: env)
    } else if let xdg = nonEmpty("XDG_DATA_HOME") {
      data = URL(fileURLWithPath: xdg).appendingPathComponent("peerconsult")
    } else {
      data = home.appendingPathComponent(".local/share/peerconsult")
    }
    let config =
      nonEmpty("XDG_CONFIG_HOME").map { URL(fileURLWithPath: $0) }
      ?? home.appendingPathComponent(".config")
    return DataLocation(
      dataDirectory: data.standardizedFileURL,
      protocolsDirectory: config.appendingPathComponent("peerconsult/protocols"))
  }

  /// `peerconsult ARGUMENTS` as the user types it to come back to this data folder: with
  /// `--data-dir` (quoted for the shell where it needs to be) when the folder is not the one
  /// the command finds by itself, from the environment, as ``resolve(dataDir:environment:)``.
  public func command(
    _ arguments: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    let found = Self.resolve(dataDir: nil, environment: environment).dataDirectory
    guard dataDirectory.path != found.path else { return "peerconsult \(arguments)" }
    return "peerconsult \(arguments) --data-dir \(Self.shellQuoted(dataDirectory.path))"
  }

  /// `text` as one word for a POSIX shell: as it is when every character is safe there,
  /// otherwise between single quotes; a text with a control character in it as bash, zsh and
  /// ksh read `$'…'`, each control written as `\x1B`, so that the line printed neither acts
  /// on the terminal nor, pasted, names another folder (spelt out as `<U+001B>`, it did).
  static func shellQuoted(_ text: String) -> String {
    if text.unicodeScalars.contains(where: ControlCharacters.isControl) {
      var quoted = "$'"
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": quoted += "\\\\"
        case "'": quoted += "\\'"
        case _ where ControlCharacters.isControl(scalar):
          let hex = String(scalar.value, radix: 16, uppercase: true)
          let digits = scalar.value < 0x100 ? 2 : 4
          quoted +=
            (digits == 2 ? "\\x" : "\\u") + String(repeating: "0", count: digits - hex.count) + hex
        default: quoted.unicodeScalars.append(scalar)
        }
      }
      return quoted + "'"
    }
    let safe =
      !text.isEmpty
      && text.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"):
          true
        default: "/._-+,:@%".utf8.contains(byte)
        }
      }
    return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
