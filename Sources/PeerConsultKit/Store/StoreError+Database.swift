import GRDB

extension StoreError {
  /// The store's message for `error`, raised while opening `path`.
  static func whileOpening(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    guard let error = error as? DatabaseError else {
      return .cannotOpen(path: path, reason: "\(error)")
    }
    switch error.resultCode {
    case .SQLITE_NOTADB: return .notADatabase(path: path)
    case .SQLITE_CORRUPT: return .damaged(path: path, detail: error.message ?? "malformed")
    default: return .cannotOpen(path: path, reason: Self.reason(error))
    }
  }

  /// The store's message for `error`, raised while writing to `path`.
  static func whileWriting(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    guard let error = error as? DatabaseError else {
      return .writeFailed(path: path, reason: "\(error)")
    }
    switch error.resultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return .damaged(path: path, detail: error.message ?? "malformed")
    default: return .writeFailed(path: path, reason: Self.reason(error))
    }
  }

  /// The store's message for `error`, raised while reading `path`.
  static func whileReading(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    guard let error = error as? DatabaseError else {
      return .readFailed(path: path, reason: "\(error)")
    }
    switch error.resultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return .damaged(path: path, detail: error.message ?? "malformed")
    default: return .readFailed(path: path, reason: Self.reason(error))
    }
  }

  /// Plain words for the SQLite failures a user can do something about.
  private static func reason(_ error: DatabaseError) -> String {
    switch error.resultCode {
    case .SQLITE_FULL: "the disk is full"
    case .SQLITE_READONLY: "the file is read-only"
    case .SQLITE_PERM, .SQLITE_AUTH: "permission denied"
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      "another PeerConsult kept the database busy for over \(Int(AppDatabase.busyTimeout)) s"
    case .SQLITE_IOERR:
      "input/output error: \(error.message ?? "the disk failed")"
        + (FileSizeLimit.mayStop(error.extendedResultCode) ? FileSizeLimit.note : "")
    case .SQLITE_CANTOPEN: "cannot open the file"
    default: error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }
  }
}
