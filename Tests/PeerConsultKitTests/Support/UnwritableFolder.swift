import Foundation
import TestSupport

/// Makes a folder unwritable even for root (which ignores mode bits): by mode for ordinary
/// users, by the immutable attribute for root.
enum UnwritableFolder {
  static let isRoot = geteuid() == 0

  /// Whether this machine can make a folder unwritable for the current user.
  static let canMake: Bool = {
    guard let folder = try? TemporaryFolder() else { return false }
    defer { try? allowWriting(folder.url) }
    guard (try? forbidWriting(folder.url)) != nil else { return false }
    return access(folder.url.path, W_OK) != 0
  }()

  static func forbidWriting(_ url: URL) throws {
    if isRoot { try chattr("+i", url) } else { try setMode(0o500, url) }
  }

  static func allowWriting(_ url: URL) throws {
    if isRoot { try chattr("-i", url) } else { try setMode(0o700, url) }
  }

  private static func setMode(_ mode: Int, _ url: URL) throws {
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
  }

  private static func chattr(_ flag: String, _ url: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [flag, url.path]
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    struct Failed: Error {}
    guard process.terminationStatus == 0 else { throw Failed() }
  }
}

/// The permission bits of a file or folder.
func permissions(_ url: URL) -> Int? {
  (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int
}

/// Every byte of a file, to prove a refusal changed nothing.
func contents(_ url: URL) throws -> Data { try Data(contentsOf: url) }
