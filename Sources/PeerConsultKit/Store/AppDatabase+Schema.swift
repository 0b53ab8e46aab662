import GRDB

/// A schema that databases are brought up to: its migrations, and the `user_version` that
/// the last of them sets. Opening takes one, so that a test can add a migration to the real
/// ones and see an older database upgraded, as a later version of PeerConsult will.
struct StoreSchema: Sendable {
  let migrator: DatabaseMigrator
  let version: Int

  /// The schema this PeerConsult writes.
  static var current: StoreSchema {
    StoreSchema(migrator: AppDatabase.migrator, version: AppDatabase.schemaVersion)
  }
}

extension AppDatabase {
  /// The schema version this PeerConsult writes, stored as `PRAGMA user_version`.
  public static let schemaVersion = 18
  /// Marks the file as PeerConsult's (`PRAGMA application_id`, "PCST").
  static let applicationID: Int32 = 0x5043_5354

  /// Every schema change, in order. A migration, once released, never changes: the SQL is
  /// written out in full so that a later change to helper code cannot alter an old migration.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: schemaV1)
      try db.execute(
        sql: "INSERT INTO meta (key, value) VALUES ('created_by', ?)",
        arguments: [PeerConsultVersion.current])
    }
    migrator.registerMigration("v2") { db in
      // No table changes: from here on events are stored in the one codec's shape
      // (`SessionEventCodec`), which PeerConsult 0.1.0 cannot read. Raising the version makes
      // 0.1.0 refuse the file as written by a newer PeerConsult, changing nothing, instead of
      // reporting each session that gained an event as damaged.
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    migrator.registerMigration("v3") { db in
      // The search index is tokenized by `NoteTokenizer` (registered on every connection):
      // CJK characters one by one and apostrophes folded. The index is rebuilt from `notes`;
      // its triggers name the table, so they carry on as they are.
      try db.execute(
        sql: """
          DROP TABLE notes_fts;
          CREATE VIRTUAL TABLE notes_fts USING fts5 (
            text, content = 'notes', content_rowid = 'id', tokenize = 'peerconsult'
          );
          INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');
          PRAGMA user_version = 3;
          """)
    }
    migrator.registerMigration("v4") { db in
      // `#tags` in notes get an index of their own, so `search '#licensing'` finds the tag
      // and not the word, and tags can be counted across sessions. The rows are kept by the
      // event projection; here they are made once for the notes already stored, with the
      // same parser (a projection, like the search index, that can always be rebuilt).
      try db.execute(
        sql: """
          CREATE TABLE note_tags (
            note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
            tag_key TEXT NOT NULL,          -- NoteTag.key: folded case, accents and joiners
            tag TEXT NOT NULL,              -- as first written in the note, without '#'
            PRIMARY KEY (tag_key, note_id)
          ) WITHOUT ROWID;
          CREATE INDEX note_tags_by_note ON note_tags (note_id);
          """)
      let notes = try Row.fetchCursor(db, sql: "SELECT id, text FROM notes")
      while let note = try notes.next() {
        try EventProjection.indexTags(of: note["id"], text: note["text"], in: db)
      }
      try db.execute(sql: "PRAGMA user_version = 4")
    }
    migrator.registerMigration("v5") { db in
      // Standing groups: each its own append-only log (`group_events`, the record) with a
      // projection (`groups`) kept current in the same transaction, as sessions have. A
      // session names its group in its setup; `sessions.group_id` is its projection, NULL for
      // every session stored before.
      try db.execute(
        sql: """
          CREATE TABLE groups (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 32),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,   -- the name folded (no case, no accents)
            programme TEXT NOT NULL
          );
          CREATE TABLE group_events (
            group_id TEXT NOT NULL REFERENCES groups (id),
            seq INTEGER NOT NULL CHECK (seq >= 1),
            at INTEGER NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,          -- the GroupEvent as JSON
            PRIMARY KEY (group_id, seq)
          ) WITHOUT ROWID;
          ALTER TABLE sessions ADD COLUMN group_id TEXT;
          CREATE INDEX sessions_by_group ON sessions (group_id, created_at);
          PRAGMA user_version = 5;
          """)
    }
    migrator.registerMigration("v6") { db in
      // Listings read each session's counts from `session_summaries` instead of counting its
      // notes, so a page of sessions costs the same at ten sessions and at ten thousand. The
      // counts are kept by triggers on `notes` and `sessions`, in the transaction of the
      // event that changed them, whichever code writes the rows (projection, import, delete,
      // erasure); here they are made once for the sessions already stored.
      // Search newest first walks the notes by time (AppDatabase.rankedMatches), so a word in
      // most notes finds its newest matches without ordering all of them.
      try db.execute(sql: schemaV6)
    }
    migrator.registerMigration("v7") { db in
      // Programmes become records with ids, so that a shared store's access rules key on ids
      // rather than free text; and the data folder remembers what it shares with which store.
      // Numbered 7, not 6, so that it can be ordered after another change made at the same
      // time. The programme rows are kept by the event projection from here on.
      try db.execute(
        sql: """
          CREATE TABLE programmes (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 32),
            name TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL
          );
          INSERT INTO programmes (id, name, created_at)
            SELECT lower(hex(randomblob(16))), programme, min(created_at) FROM (
              SELECT programme, created_at FROM sessions
              UNION ALL SELECT programme, created_at FROM groups)
            WHERE programme <> '' GROUP BY programme;
          CREATE TABLE stores (
            name TEXT PRIMARY KEY NOT NULL,   -- as given to `store add`
            url TEXT NOT NULL,                -- postgres://user@host:port/db, never a password
            added_at INTEGER NOT NULL
          );
          CREATE TABLE store_attachments (
            programme_id TEXT PRIMARY KEY NOT NULL REFERENCES programmes (id),
            store TEXT NOT NULL,              -- the name given to `store add`
            server_id TEXT NOT NULL,          -- the programme's id on the server
            attached_at INTEGER NOT NULL
          );
          CREATE TABLE store_streams (
            store TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('session', 'group')),
            id TEXT NOT NULL,
            synced_seq INTEGER NOT NULL,      -- both sides held events 1...synced_seq
            origin TEXT NOT NULL CHECK (origin IN ('here', 'store')),
            PRIMARY KEY (store, kind, id)
          ) WITHOUT ROWID;
          CREATE TABLE store_syncs (
            store TEXT PRIMARY KEY NOT NULL,
            synced_at INTEGER NOT NULL,
            pushed INTEGER NOT NULL,          -- events sent by that sync
            pulled INTEGER NOT NULL           -- events received by it
          );
          PRAGMA user_version = 7;
          """)
    }
    migrator.registerMigration("v8") { db in
      // A snapshot of each long session's state (`SessionSnapshot`), rewritten in the
      // transaction of every event whose sequence is a multiple of `SessionSnapshot.interval`,
      // so an opening decodes it and replays only the events after it. A cache of the events,
      // never the record: a snapshot of another `version` is ignored, and a session's
      // snapshot is removed with it. Existing sessions get theirs at their next boundary.
      try db.execute(
        sql: """
          CREATE TABLE session_snapshots (
            session_id TEXT PRIMARY KEY NOT NULL REFERENCES sessions (id),
            seq INTEGER NOT NULL,           -- the last event the state includes
            version INTEGER NOT NULL,       -- SessionSnapshot.encodingVersion
            payload BLOB NOT NULL           -- the SessionSnapshot, SnapshotWriter coding
          );
          PRAGMA user_version = 8;
          """)
    }
    migrator.registerMigration("v9") { db in
      // What the action ledger needs without reading the event log (each note's due date and
      // each session's follow-ups), and each action's state as `ActionLedger` folds it, so
      // that the programme view counts open and overdue actions with one aggregate query.
      // All three are kept by the event projection from here on; here they are made once
      // from the events already stored.
      try db.execute(sql: schemaV9)
      try ActionStates.fillFromEvents(in: db)
      try db.execute(sql: "PRAGMA user_version = 9")
    }
    migrator.registerMigration("v10") { db in
      // The search index gains prefix indexes of two and three characters, so `bra*` reads
      // one list instead of merging the list of every word starting with "bra" (70-117 ms at
      // a million notes). FTS5 takes `prefix` only when the table is made, so the index is
      // made again and rebuilt from `notes`, as v3 did; its triggers name the table and carry
      // on.
      try db.execute(
        sql: """
          DROP TABLE notes_fts;
          CREATE VIRTUAL TABLE notes_fts USING fts5 (
            text, content = 'notes', content_rowid = 'id', tokenize = 'peerconsult',
            prefix = '2 3'
          );
          INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');
          PRAGMA user_version = 10;
          """)
    }
    migrator.registerMigration("v11") { db in
      // Branch `view4` (the programme view's ratings): an index of the rating events alone,
      // so that the programme view and the harvest read a programme's 2,765 rating events
      // instead of all 129,186 events of its sessions (there is no index on `type`, and one
      // on every event would grow each write for two rare types). Partial: it holds only
      // those rows, and SQLite keeps it whatever writes the events (the projection, import,
      // erasure, a sync). Readers name it (`INDEXED BY`) with this same condition.
      try db.execute(
        sql: """
          CREATE INDEX events_ratings ON events (session_id, seq)
            WHERE type IN ('processRating', 'ratingCleared');
          PRAGMA user_version = 11;
          """)
    }
    migrator.registerMigration("v12") { db in
      // Branch `view5` (the programme view under 100 ms): each tag use with the session, group
      // and time the view's tally needs, stored by programme, so a programme's tags are one
      // range of one small table instead of 10,000 notes spread over most of `notes`' pages;
      // the rating events' fields read out of their JSON once, when stored, not at every
      // opening (replacing v11's index of those events); and the action states' index made
      // covering for the view's counts. All are derived: triggers keep both tables whatever
      // writes the rows (the projection, import, erasure, a sync), in the write's own
      // transaction, and here they are filled from the rows and events stored.
      try db.execute(sql: schemaV12)
    }
    migrator.registerMigration("v13") { db in
      // Branch `report5` (the harvest report under a second): two more partial indexes of
      // the event log, each holding only the rows a report looks for among a programme's
      // 129,186 events, as v11's `events_ratings` did: the events that are not JSON (a damaged
      // file, an edit by hand; normally none, so the check reads an empty index instead of
      // parsing every payload, 130 ms at 1,000 sessions) and the phases started (7,873).
      // SQLite keeps both whatever writes the events. Readers name them (`INDEXED BY`) with
      // the same condition written out.
      try db.execute(
        sql: """
          CREATE INDEX events_not_json ON events (session_id, seq) WHERE NOT json_valid(payload);
          CREATE INDEX events_phases ON events (session_id, seq) WHERE type = 'phaseStarted';
          PRAGMA user_version = 13;
          """)
    }
    migrator.registerMigration("v14") { db in
      // Issue 17 (the anonymised report under a second): two more partial indexes of the log
      // for what an anonymised report reads of every session, which read every event to find
      // a few: the facilitator's choices for suspects (normally none) and the events that
      // bring people (1,000 and a few latecomers at 1,000 sessions, for their organisations'
      // other names). Readers name them with the same condition written out.
      try db.execute(
        sql: """
          CREATE INDEX events_share_choices ON events (session_id, seq)
            WHERE type = 'shareChoice';
          CREATE INDEX events_people ON events (session_id, seq)
            WHERE type IN ('created', 'participantAdded');
          PRAGMA user_version = 14;
          """)
    }
    migrator.registerMigration("v15") { db in
      // Issue 19 (every first frame flat in the data): at each start the review list and the
      // new-session form name the programmes by their last use, and home counts the sessions
      // not finished. Both read every session's row, 5-9 ms at 10,000 sessions. The programmes'
      // index gains the time, so a programme's last use is one step into it and its names are
      // found by stepping from one to the next; the sessions not finished get a partial index
      // of their own, which `unfinishedSessions()` also reads in its order.
      try db.execute(
        sql: """
          DROP INDEX IF EXISTS sessions_by_programme;
          CREATE INDEX sessions_by_programme_created ON sessions (programme, created_at);
          CREATE INDEX sessions_unfinished ON sessions (updated_at) WHERE finished_at IS NULL;
          PRAGMA user_version = 15;
          """)
    }
    migrator.registerMigration("v16") { db in
      // Issue 19 (a filter's first key within a frame): the review list's filter read every
      // session's title, programme, protocol and presenters (joined from the rounds and the
      // participants: 66-91 ms at 10,000 sessions) and folded them (22-31 ms) at its first
      // key. Each session's text is kept folded, in the listings' order, so the filter reads
      // one table in its key's order. The rows are written by the projection of the events
      // that change them, and filled here for the sessions there are, by the same code: the
      // folding is Swift's (``HaystackFolder``), which SQL cannot do.
      try db.execute(
        sql: """
          CREATE TABLE review_filter (
            created_at INTEGER NOT NULL,      -- sessions.created_at
            session_rowid INTEGER NOT NULL,   -- sessions.rowid: the listings' order in a tie
            session_id TEXT NOT NULL,
            programme TEXT NOT NULL,
            text TEXT NOT NULL,               -- title, programme, protocol, presenters, folded
            reach INTEGER NOT NULL,           -- FilterText.Reach of the text
            PRIMARY KEY (created_at, session_rowid)
          ) WITHOUT ROWID;
          -- By id, not by the order's key: a session's rowid is not its id (VACUUM may
          -- renumber it), and its row must go with it.
          CREATE UNIQUE INDEX review_filter_by_session ON review_filter (session_id);
          CREATE TRIGGER review_filter_session_delete AFTER DELETE ON sessions BEGIN
            DELETE FROM review_filter WHERE session_id = old.id;
          END;
          PRAGMA user_version = 16;
          """)
      let sessions = try String.fetchAll(db, sql: "SELECT id FROM sessions")
      // One folder for them all: it asks Foundation for each block of letters once.
      var folder = HaystackFolder()
      for session in sessions {
        let presenters = try presenterNames(db, of: "?", arguments: [session])[session] ?? []
        try AppDatabase.refreshReviewFilter(of: session, presenters: presenters, in: db) {
          folder.fold($0)
        }
      }
    }
    migrator.registerMigration("v17") { db in
      // Issue 19 (a listing read from what it shows): a listing's counts came from
      // `session_summaries` and its presenters from the rounds and the participants, each
      // keyed by the session's random id, so the 50 newest sessions' rows were on about 150
      // pages scattered through the file (1.2 ms of a start at 10,000 sessions, more in page
      // faults). The session's row now carries them: the newest sessions' rows are neighbours,
      // and the triggers update the row each event already rewrites (its `last_seq`).
      try db.execute(sql: schemaV17)
      // The presenters' names in round order, as the projection writes them
      // (``AppDatabase/refreshPresenters(of:in:)``), written out here so that a later change to
      // that code cannot alter this migration.
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT r.session_id, p.name FROM rounds r
          JOIN participants p ON p.session_id = r.session_id AND p.idx = r.presenter
          ORDER BY r.session_id, r.round
          """)
      var names: [String: [String]] = [:]
      for row in rows { names[row[0] as String, default: []].append(row[1]) }
      let update = try db.makeStatement(sql: "UPDATE sessions SET presenters = ? WHERE id = ?")
      for (session, presenters) in names {
        try update.execute(arguments: [PresenterList.encoded(presenters), session])
      }
    }
    migrator.registerMigration("v18") { db in
      // A note being written when the program was ended by a signal (its terminal closed),
      // kept until it is saved or discarded (``AppDatabase/keepDraft(_:of:at:)``).
      try db.execute(sql: schemaV18)
    }
    return migrator
  }

  /// Schema version 18: the note a facilitator was writing when the program was ended, one
  /// per session at most.
  static let schemaV18 = """
    CREATE TABLE note_drafts (
      session_id TEXT PRIMARY KEY NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      kind TEXT NOT NULL,
      speaker INTEGER,
      owner INTEGER,
      editing INTEGER,          -- the note being corrected, or NULL for a new note
      base TEXT,                -- that note's text when the draft was kept
      saved_at INTEGER NOT NULL -- milliseconds since 1970
    );
    PRAGMA user_version = 18;
    """

  /// Schema version 17: each session's listing on its own row (its counts, kept by triggers
  /// on `notes` in place of `session_summaries`'s, and its presenters, written by the
  /// projection).
  static let schemaV17 = """
    ALTER TABLE sessions ADD COLUMN note_count INTEGER NOT NULL DEFAULT 0;    -- not deleted
    ALTER TABLE sessions ADD COLUMN action_count INTEGER NOT NULL DEFAULT 0;  -- of them, actions
    ALTER TABLE sessions ADD COLUMN actions_done INTEGER NOT NULL DEFAULT 0;  -- of those, done
    -- The rounds' presenters' names in round order (PresenterList).
    ALTER TABLE sessions ADD COLUMN presenters TEXT NOT NULL DEFAULT '';
    -- Counted again from the notes, as v6 counted them, rather than copied: a session whose
    -- summary row was missing (a file edited by hand) gets its counts too.
    UPDATE sessions SET (note_count, action_count, actions_done) = (
      SELECT count(*), coalesce(sum(n.kind = 'action'), 0),
        coalesce(sum(n.kind = 'action' AND n.done_at IS NOT NULL), 0)
      FROM notes n WHERE n.session_id = sessions.id AND n.deleted_at IS NULL);
    DROP TRIGGER session_summaries_session_insert;
    DROP TRIGGER session_summaries_session_delete;
    DROP TRIGGER session_summaries_note_insert;
    DROP TRIGGER session_summaries_note_delete;
    DROP TRIGGER session_summaries_note_update;
    DROP TABLE session_summaries;
    CREATE TRIGGER session_counts_note_insert AFTER INSERT ON notes BEGIN
      UPDATE sessions SET
        note_count = note_count + (new.deleted_at IS NULL),
        action_count = action_count + (new.deleted_at IS NULL AND new.kind = 'action'),
        actions_done = actions_done
          + (new.deleted_at IS NULL AND new.kind = 'action' AND new.done_at IS NOT NULL)
      WHERE id = new.session_id;
    END;
    CREATE TRIGGER session_counts_note_delete AFTER DELETE ON notes BEGIN
      UPDATE sessions SET
        note_count = note_count - (old.deleted_at IS NULL),
        action_count = action_count - (old.deleted_at IS NULL AND old.kind = 'action'),
        actions_done = actions_done
          - (old.deleted_at IS NULL AND old.kind = 'action' AND old.done_at IS NOT NULL)
      WHERE id = old.session_id;
    END;
    CREATE TRIGGER session_counts_note_update
    AFTER UPDATE OF session_id, kind, done_at, deleted_at ON notes BEGIN
      UPDATE sessions SET
        note_count = note_count - (old.deleted_at IS NULL),
        action_count = action_count - (old.deleted_at IS NULL AND old.kind = 'action'),
        actions_done = actions_done
          - (old.deleted_at IS NULL AND old.kind = 'action' AND old.done_at IS NOT NULL)
      WHERE id = old.session_id;
      UPDATE sessions SET
        note_count = note_count + (new.deleted_at IS NULL),
        action_count = action_count + (new.deleted_at IS NULL AND new.kind = 'action'),
        actions_done = actions_done
          + (new.deleted_at IS NULL AND new.kind = 'action' AND new.done_at IS NOT NULL)
      WHERE id = new.session_id;
    END;
    PRAGMA user_version = 17;
    """

  /// Schema version 12's additions: the tag uses and the rating events' fields
  /// (``AppDatabase/programmeOverview(_:now:timeZone:)`` reads them) with their triggers, and
  /// the action states' covering index. The rating events' table replaces v11's index of them.
  static let schemaV12 = """
    CREATE TABLE tag_uses (
      programme TEXT NOT NULL,                 -- the note's session's
      tag_key TEXT NOT NULL,                   -- note_tags.tag_key
      note_id INTEGER NOT NULL,                -- notes.id, a note not deleted
      tag TEXT NOT NULL,                       -- note_tags.tag
      session_id TEXT NOT NULL,
      group_id TEXT,                           -- the session's standing group
      created_at INTEGER NOT NULL,             -- the note's
      PRIMARY KEY (programme, tag_key, note_id)
    ) WITHOUT ROWID;
    CREATE INDEX tag_uses_by_note ON tag_uses (note_id);
    -- The rows of `tag_uses` as the other tables say they are (`tag_uses` itself is them,
    -- stored by programme); the fill and every trigger take theirs from here.
    CREATE VIEW tag_use_rows AS
      SELECT s.programme, t.tag_key, t.note_id, t.tag, n.session_id, s.group_id, n.created_at
      FROM note_tags t JOIN notes n ON n.id = t.note_id JOIN sessions s ON s.id = n.session_id
      WHERE n.deleted_at IS NULL;
    INSERT INTO tag_uses SELECT * FROM tag_use_rows;
    CREATE TRIGGER tag_uses_tag_insert AFTER INSERT ON note_tags BEGIN
      INSERT INTO tag_uses SELECT * FROM tag_use_rows
      WHERE note_id = new.note_id AND tag_key = new.tag_key;
    END;
    CREATE TRIGGER tag_uses_tag_delete AFTER DELETE ON note_tags BEGIN
      DELETE FROM tag_uses WHERE note_id = old.note_id AND tag_key = old.tag_key;
    END;
    CREATE TRIGGER tag_uses_tag_update AFTER UPDATE ON note_tags BEGIN
      DELETE FROM tag_uses WHERE note_id = old.note_id AND tag_key = old.tag_key;
      INSERT INTO tag_uses SELECT * FROM tag_use_rows
      WHERE note_id = new.note_id AND tag_key = new.tag_key;
    END;
    CREATE TRIGGER tag_uses_note_update
    AFTER UPDATE OF id, session_id, created_at, deleted_at ON notes BEGIN
      DELETE FROM tag_uses WHERE note_id = old.id;
      INSERT INTO tag_uses SELECT * FROM tag_use_rows WHERE note_id = new.id;
    END;
    CREATE TRIGGER tag_uses_note_delete AFTER DELETE ON notes BEGIN
      DELETE FROM tag_uses WHERE note_id = old.id;
    END;
    CREATE TRIGGER tag_uses_session_update AFTER UPDATE OF programme, group_id ON sessions BEGIN
      UPDATE tag_uses SET programme = new.programme, group_id = new.group_id
      WHERE note_id IN (SELECT id FROM notes WHERE session_id = new.id);
    END;
    DROP INDEX action_states_by_programme;
    CREATE INDEX action_states_by_programme ON action_states (
      programme, group_id, status, carried, due, meetings_since, next_meeting_finished);
    CREATE TABLE rating_events (
      session_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      kind TEXT,                               -- the payload's type
      rater INTEGER,                           -- the payload's, when an integer
      rating INTEGER,                          -- the payload's, when an integer
      payload TEXT,                            -- the event's, only when the fields above
                                               -- could not be read from it
      PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;
    -- The fields of each rating event as the readers take them: NULL payload when `kind`,
    -- `rater` and `rating` are the codec's, else the payload for the codec to decode (0.1.0's
    -- shape, a field that is not an integer, a payload that is not JSON). An integer both for
    -- JSON (not `true`) and for SQLite (not one too large for 64 bits).
    CREATE VIEW rating_event_fields AS
      SELECT session_id, seq, kind, rater, rating,
        CASE WHEN (kind = 'processRating' AND rating_ok OR kind = 'ratingCleared') AND rater_ok
          THEN NULL ELSE payload END AS payload
      FROM (
        SELECT session_id, seq, payload,
          json_extract(json, '$.type') AS kind,
          json_extract(json, '$.rater') AS rater,
          json_type(json, '$.rater') = 'integer'
            AND typeof(json_extract(json, '$.rater')) = 'integer' AS rater_ok,
          json_extract(json, '$.rating') AS rating,
          json_type(json, '$.rating') = 'integer'
            AND typeof(json_extract(json, '$.rating')) = 'integer' AS rating_ok
        FROM (
          SELECT session_id, seq, payload,
            CASE WHEN json_valid(payload) THEN payload END AS json
          FROM events WHERE type IN ('processRating', 'ratingCleared')));
    INSERT INTO rating_events SELECT * FROM rating_event_fields;
    DROP INDEX events_ratings;
    CREATE TRIGGER rating_events_insert AFTER INSERT ON events
    WHEN new.type IN ('processRating', 'ratingCleared') BEGIN
      INSERT INTO rating_events SELECT * FROM rating_event_fields
      WHERE session_id = new.session_id AND seq = new.seq;
    END;
    CREATE TRIGGER rating_events_delete AFTER DELETE ON events
    WHEN old.type IN ('processRating', 'ratingCleared') BEGIN
      DELETE FROM rating_events WHERE session_id = old.session_id AND seq = old.seq;
    END;
    -- Events are appended, never changed; a hand's change is followed all the same.
    CREATE TRIGGER rating_events_update AFTER UPDATE ON events BEGIN
      DELETE FROM rating_events WHERE session_id = old.session_id AND seq = old.seq;
      INSERT INTO rating_events SELECT * FROM rating_event_fields
      WHERE session_id = new.session_id AND seq = new.seq;
    END;
    PRAGMA user_version = 12;
    """

  /// Schema version 9's additions: the notes' due dates, the follow-ups and the actions'
  /// states (``ActionStates``).
  static let schemaV9 = """
    ALTER TABLE notes ADD COLUMN due TEXT;     -- ActionDue.code as last added or edited
    CREATE TABLE action_follow_ups (
      session_id TEXT NOT NULL,                -- the meeting that decided
      action_session TEXT NOT NULL,            -- the action's own session
      action_note INTEGER NOT NULL,            -- its note there
      outcome TEXT NOT NULL CHECK (outcome IN ('done', 'carried', 'dropped')),
      text TEXT,                               -- the carried note or the reason
      at INTEGER NOT NULL,
      PRIMARY KEY (session_id, action_session, action_note)
    ) WITHOUT ROWID;
    CREATE INDEX action_follow_ups_by_action ON action_follow_ups (action_session);
    CREATE TABLE action_states (
      session_id TEXT NOT NULL,                -- the session it was agreed in
      note INTEGER NOT NULL,
      programme TEXT NOT NULL,                 -- its session's
      group_id TEXT,                           -- its session's standing group
      agreed_at INTEGER NOT NULL,
      due TEXT,                                -- ActionDue.code as it stands now
      status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
      status_at INTEGER,                       -- when done or dropped
      carried INTEGER NOT NULL,                -- a later meeting carried it forward
      meetings_since INTEGER NOT NULL,         -- ActionLedger.Item.meetingsSince
      next_meeting_finished INTEGER NOT NULL,
      PRIMARY KEY (session_id, note)
    ) WITHOUT ROWID;
    CREATE INDEX action_states_by_programme ON action_states (programme, group_id);
    """

  /// Schema version 6's additions: the session summaries, their triggers, and the notes'
  /// index by time.
  static let schemaV6 = """
    CREATE TABLE session_summaries (
      session_id TEXT PRIMARY KEY NOT NULL,
      notes INTEGER NOT NULL DEFAULT 0,         -- notes not deleted
      actions INTEGER NOT NULL DEFAULT 0,       -- of them, actions
      actions_done INTEGER NOT NULL DEFAULT 0   -- of those, done
    ) WITHOUT ROWID;
    INSERT INTO session_summaries (session_id, notes, actions, actions_done)
      SELECT s.id,
        (SELECT count(*) FROM notes n WHERE n.session_id = s.id AND n.deleted_at IS NULL),
        (SELECT count(*) FROM notes n
          WHERE n.session_id = s.id AND n.deleted_at IS NULL AND n.kind = 'action'),
        (SELECT count(*) FROM notes n
          WHERE n.session_id = s.id AND n.deleted_at IS NULL AND n.kind = 'action'
            AND n.done_at IS NOT NULL)
      FROM sessions s;
    CREATE TRIGGER session_summaries_session_insert AFTER INSERT ON sessions BEGIN
      INSERT INTO session_summaries (session_id) VALUES (new.id);
    END;
    CREATE TRIGGER session_summaries_session_delete AFTER DELETE ON sessions BEGIN
      DELETE FROM session_summaries WHERE session_id = old.id;
    END;
    CREATE TRIGGER session_summaries_note_insert AFTER INSERT ON notes BEGIN
      UPDATE session_summaries SET
        notes = notes + (new.deleted_at IS NULL),
        actions = actions + (new.deleted_at IS NULL AND new.kind = 'action'),
        actions_done = actions_done
          + (new.deleted_at IS NULL AND new.kind = 'action' AND new.done_at IS NOT NULL)
      WHERE session_id = new.session_id;
    END;
    CREATE TRIGGER session_summaries_note_delete AFTER DELETE ON notes BEGIN
      UPDATE session_summaries SET
        notes = notes - (old.deleted_at IS NULL),
        actions = actions - (old.deleted_at IS NULL AND old.kind = 'action'),
        actions_done = actions_done
          - (old.deleted_at IS NULL AND old.kind = 'action' AND old.done_at IS NOT NULL)
      WHERE session_id = old.session_id;
    END;
    CREATE TRIGGER session_summaries_note_update
    AFTER UPDATE OF session_id, kind, done_at, deleted_at ON notes BEGIN
      UPDATE session_summaries SET
        notes = notes - (old.deleted_at IS NULL),
        actions = actions - (old.deleted_at IS NULL AND old.kind = 'action'),
        actions_done = actions_done
          - (old.deleted_at IS NULL AND old.kind = 'action' AND old.done_at IS NOT NULL)
      WHERE session_id = old.session_id;
      UPDATE session_summaries SET
        notes = notes + (new.deleted_at IS NULL),
        actions = actions + (new.deleted_at IS NULL AND new.kind = 'action'),
        actions_done = actions_done
          + (new.deleted_at IS NULL AND new.kind = 'action' AND new.done_at IS NOT NULL)
      WHERE session_id = new.session_id;
    END;
    CREATE INDEX notes_by_created ON notes (created_at);
    PRAGMA user_version = 6;
    """

  /// Schema version 1. `events` is the record; every other table is kept current from the
  /// events inside the same transaction, so they can always be rebuilt.
  static let schemaV1 = """
    CREATE TABLE meta (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE sessions (
      id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 32),
      created_at INTEGER NOT NULL,      -- milliseconds since 1970, as are all times
      updated_at INTEGER NOT NULL,
      finished_at INTEGER,              -- NULL while unfinished
      last_seq INTEGER NOT NULL,
      title TEXT NOT NULL,
      programme TEXT NOT NULL,
      protocol_id TEXT NOT NULL,
      protocol_name TEXT NOT NULL
    );
    CREATE INDEX sessions_by_created ON sessions (created_at);
    CREATE INDEX sessions_by_programme ON sessions (programme);

    CREATE TABLE events (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      seq INTEGER NOT NULL CHECK (seq >= 1),
      at INTEGER NOT NULL,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,            -- the SessionEvent as JSON
      PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;

    CREATE TABLE participants (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      idx INTEGER NOT NULL,
      name TEXT NOT NULL,
      organisation TEXT NOT NULL,
      level TEXT NOT NULL,
      PRIMARY KEY (session_id, idx)
    ) WITHOUT ROWID;

    CREATE TABLE rounds (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      round INTEGER NOT NULL,
      presenter INTEGER NOT NULL,       -- participants.idx
      focus_question TEXT,
      PRIMARY KEY (session_id, round)
    ) WITHOUT ROWID;

    CREATE TABLE slots (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      slot INTEGER NOT NULL,
      part TEXT NOT NULL,               -- opening, round or closing
      round INTEGER,
      phase TEXT NOT NULL,
      planned_seconds INTEGER NOT NULL,
      PRIMARY KEY (session_id, slot)
    ) WITHOUT ROWID;

    CREATE TABLE notes (
      id INTEGER PRIMARY KEY,           -- the search index's rowid
      session_id TEXT NOT NULL REFERENCES sessions (id),
      note INTEGER NOT NULL,            -- the note's number within its session
      slot INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      speaker INTEGER,                  -- participants.idx
      owner INTEGER,                    -- participants.idx, for an action
      text TEXT NOT NULL,
      done_at INTEGER,
      edited_at INTEGER,
      deleted_at INTEGER,
      UNIQUE (session_id, note)
    );

    CREATE VIRTUAL TABLE notes_fts USING fts5 (
      text, content = 'notes', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
      INSERT INTO notes_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
      INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER notes_fts_update AFTER UPDATE OF text ON notes BEGIN
      INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO notes_fts (rowid, text) VALUES (new.id, new.text);
    END;

    PRAGMA application_id = 1346589524;
    PRAGMA user_version = 1;
    """
}
