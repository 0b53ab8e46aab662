import TextLayout

/// Why the store could not do what was asked. Each description is one line naming what is
/// wrong and what to do; when one of these is thrown, files already on disk are unchanged.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  case folderNotCreatable(path: String, reason: String)
  case notAFolder(path: String)
  case folderNotWritable(path: String)
  case notADatabase(path: String)
  /// An SQLite database, but some other program's.
  case foreignDatabase(path: String)
  case damaged(path: String, detail: String)
  /// A PeerConsult database whose schema is not what PeerConsult's migrations make at its
  /// version (``StoredSchema``): `change` names what differs. Only `check` looks.
  case changedSchema(path: String, change: String)
  case newerVersion(path: String, fileSchema: Int, writtenBy: String?, supportedSchema: Int)
  /// An older schema that a command which only reads cannot upgrade, as it may not write.
  case upgradeNeedsWritableFolder(path: String, fileSchema: Int, supportedSchema: Int)
  case cannotOpen(path: String, reason: String)
  case writeFailed(path: String, reason: String)
  case readFailed(path: String, reason: String)
  /// Another process appended to the same session at the same time.
  case conflict(session: SessionID)
  case noSuchSession(String)
  /// Nobody of that name took part in any session (``AppDatabase/erasePerson(named:at:)``).
  case noSuchPerson(String)
  /// Two people of one session are called alike but for case or accents, and the name given
  /// is written as neither: erasing would take both.
  case ambiguousPerson(String, session: SessionID, spellings: [String])
  case ambiguousSession(prefix: String, matches: [SessionID])
  case noSessions
  /// A stored session whose events do not decode or do not rebuild.
  case damagedSession(SessionID, sequence: Int, reason: String)
  /// A write-ahead log that loses committed transactions, which a writing opening would
  /// overwrite, could not be copied aside first.
  case damagedLogNotCopied(path: String, reason: String)
  /// The write-ahead log this opening writes to was removed or replaced by another program:
  /// what was saved is copied into the database, and nothing more is written through it.
  case logRemoved(path: String)
  /// The session is being facilitated by another PeerConsult (``SessionLock/isLive(_:in:)``),
  /// so it may not be resumed, deleted or rewritten here.
  case openElsewhere(SessionID)
  /// No standing group has that name or id; `known` lists the names there are.
  case noSuchGroup(String, known: [String])
  /// Another group already has the name (compared without case or accents).
  case groupNameTaken(String)
  /// Another process appended to the same group at the same time.
  case groupConflict(GroupID)
  /// A stored group whose events do not decode or do not rebuild.
  case damagedGroup(GroupID, sequence: Int, reason: String)
  /// The programme is already shared with another store; a programme has one store.
  case attachedElsewhere(programme: String, store: String)

  /// One line whatever it quotes: a path or a value with a line break in it (`-o $'a\nb'`)
  /// made a message of two lines, so each control character in it is spelt out.
  public var description: String { ControlCharacters.spelledOut(message) }

  private var message: String {
    switch self {
    case .folderNotCreatable(let path, let reason):
      "Cannot create the data folder \(path) (\(oneLine(reason))): "
        + "create it yourself or choose another with --data-dir."
    case .notAFolder(let path):
      "The data folder \(path) is a file, not a folder: choose another with --data-dir."
    case .folderNotWritable(let path):
      "The data folder \(path) is not writable: allow writing (chmod u+rwx) "
        + "or choose another with --data-dir."
    case .notADatabase(let path):
      "\(path) is not a database: move it aside or choose another folder with --data-dir "
        + "(the file was not changed)."
    case .foreignDatabase(let path):
      "\(path) is another program's database: move it aside or choose another folder "
        + "with --data-dir (the file was not changed)."
    case .damaged(let path, let detail):
      "\(path) is damaged (\(oneLine(detail))): keep a copy and restore a backup, "
        + "or move it aside (the file was not changed)."
    case .changedSchema(let path, let change):
      "\(path) holds a schema PeerConsult did not make (\(oneLine(change))): something other than "
        + "PeerConsult changed its tables, indexes or triggers, which run on every write; keep a "
        + "copy and restore a backup (`peerconsult restore FILE`) (the file was not changed)."
    case .newerVersion(let path, let fileSchema, let writtenBy, let supportedSchema):
      "\(path) was written by PeerConsult \(writtenBy ?? "(newer)") (schema \(fileSchema)), "
        + "newer than this PeerConsult \(PeerConsultVersion.current) (schema \(supportedSchema)): "
        + "install the newer PeerConsult to open it (the file was not changed)."
    case .upgradeNeedsWritableFolder(let path, let fileSchema, let supportedSchema):
      "\(path) has an older schema (v\(fileSchema)) that this PeerConsult upgrades to "
        + "v\(supportedSchema): run it once with the data folder and file writable "
        + "(the file was not changed)."
    case .cannotOpen(let path, let reason):
      "Cannot open \(path) (\(oneLine(reason))): check its permissions "
        + "or choose another folder with --data-dir."
    case .writeFailed(let path, let reason):
      "Could not save to \(path) (\(oneLine(reason))): free disk space or fix the problem "
        + "and try again; everything saved before is safe."
    case .readFailed(let path, let reason):
      "Could not read \(path) (\(oneLine(reason))): try again, or check the disk."
    case .conflict(let session):
      "Session \(session.short) was changed by another PeerConsult at the same time: "
        + "close the other one, then resume the session."
    case .noSuchSession(let argument):
      "No session matches \"\(oneLine(argument).truncated(toWidth: 60))\": `peerconsult list` "
        + "shows the sessions."
    case .noSuchPerson(let name):
      "Nobody called \"\(oneLine(name))\" took part in a session: give the name as the "
        + "session lists it (`peerconsult show SESSION`)."
    case .ambiguousPerson(let name, let session, let spellings):
      "Session \(session.short) has \(spellings.count) people called like \"\(oneLine(name))\" ("
        + spellings.map { "\"\(oneLine($0))\"" }.joined(separator: ", ")
        + "): give the name as written for the one to erase; nothing was erased."
    case .ambiguousSession(let prefix, let matches):
      "\"\(prefix)\" matches \(matches.count) sessions "
        + "(\(matches.prefix(3).map(\.short).joined(separator: ", "))"
        + "\(matches.count > 3 ? ", ..." : "")): type more of the id."
    case .noSessions:
      "There are no sessions yet: start one with `peerconsult run` or from the home screen."
    case .damagedSession(let session, let sequence, let reason):
      "Session \(session.short) cannot be rebuilt at event \(sequence) (\(oneLine(reason))): "
        + "the events are kept unchanged; report this with the file."
    case .damagedLogNotCopied(let path, let reason):
      "The write-ahead log of \(path) is damaged and could not be copied aside "
        + "(\(oneLine(reason))): free disk space and try again (nothing was changed)."
    case .logRemoved(let path):
      "The log beside \(path) (its -wal file) was removed by another program: what was saved "
        + "is in the database, but this PeerConsult can save no more. Leave the session (q; the "
        + "note being written is kept), quit, and start PeerConsult again to go on."
    case .openElsewhere(let session):
      "Session \(session.short) is open in another PeerConsult window: carry on there, "
        + "or leave it there (q) first. Nothing was changed."
    case .noSuchGroup(let name, let known):
      "No group is called \"\(oneLine(name))\""
        + (known.isEmpty
          ? ": create one with `peerconsult groups add NAME`."
          : " (groups: \(known.map(oneLine).joined(separator: ", "))).")
    case .groupNameTaken(let name):
      "A group called \"\(oneLine(name))\" exists already: choose another name."
    case .groupConflict(let group):
      "Group \(group.short) was changed by another PeerConsult at the same time: try again."
    case .damagedGroup(let group, let sequence, let reason):
      "Group \(group.short) cannot be rebuilt at event \(sequence) (\(oneLine(reason))): "
        + "the events are kept unchanged; report this with the file."
    case .attachedElsewhere(let programme, let store):
      "Programme \"\(oneLine(programme))\" is already shared with store \"\(oneLine(store))\"; "
        + "a programme is shared with one store."
    }
  }
}

/// `text` with line breaks folded into spaces, so a message stays on one line.
private func oneLine(_ text: String) -> String {
  text.split(whereSeparator: \.isNewline).joined(separator: " ")
}
