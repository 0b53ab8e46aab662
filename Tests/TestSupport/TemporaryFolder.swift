import Foundation

/// A fresh folder under the system's temporary directory, removed when released. Tests never
/// touch the user's real data folder.
public final class TemporaryFolder {
  public let url: URL

  /// Creates the folder; `prefix` names it, so a folder left behind by a killed run says
  /// which tests made it.
  public init(prefix: String = "peerconsult-tests") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// A path inside the folder.
  public func path(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// Writes a text file into the folder.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> URL {
    try write(name, Data(text.utf8))
  }

  /// Writes a file into the folder.
  @discardableResult
  public func write(_ name: String, _ data: Data) throws -> URL {
    let file = url.appendingPathComponent(name)
    try data.write(to: file)
    return file
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }
}
