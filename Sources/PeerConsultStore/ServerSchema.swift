import Foundation
import PeerConsultKit
import PostgresNIO

/// The tables, access rules and roles of a shared store on PostgreSQL, in versioned
/// migrations as the data folder's are: `peerconsult.store_schema` records each version
/// applied, and a server whose schema is newer than this PeerConsult knows is refused.
///
/// Who sees what is decided by the server, with row-level security: a login granted a
/// programme (a row in `peerconsult.grants`) as a member of `peerconsult_facilitator` reads
/// and writes that programme's sessions and groups and nothing else; a member of
/// `peerconsult_reader` reads only the published harvests of the programmes granted to it.
public enum ServerSchema {
  /// The newest version this PeerConsult writes: one per migration.
  public static var version: Int { migrations.count }

  /// The roles that `store init` creates (without login: people are made members).
  public static let facilitatorRole = "peerconsult_facilitator"
  public static let readerRole = "peerconsult_reader"

  /// Each migration's SQL, version 1 first. A released one never changes.
  static let migrations: [String] = [
    """
    CREATE SCHEMA peerconsult;
    CREATE TABLE peerconsult.store_schema (
      version integer PRIMARY KEY,
      migrated_at timestamptz NOT NULL DEFAULT now(),
      written_by text NOT NULL
    );
    -- Programmes are records with ids; access is granted by id, never by a name's text.
    CREATE TABLE peerconsult.programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    -- Which login may use which programme: the administrator inserts these rows.
    CREATE TABLE peerconsult.grants (
      login name NOT NULL,
      programme_id uuid NOT NULL REFERENCES peerconsult.programmes ON DELETE CASCADE,
      PRIMARY KEY (login, programme_id)
    );
    -- Each session and standing group is an append-only log, stored as the data folder
    -- stores it: one row per event, its payload the export's JSON of the event.
    CREATE TABLE peerconsult.sessions (
      id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
      programme_id uuid NOT NULL REFERENCES peerconsult.programmes,
      last_seq integer NOT NULL CHECK (last_seq >= 1),
      created_by name NOT NULL DEFAULT current_user,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE peerconsult.session_events (
      session_id text NOT NULL REFERENCES peerconsult.sessions ON DELETE CASCADE,
      seq integer NOT NULL CHECK (seq >= 1),
      at bigint NOT NULL,
      type text NOT NULL,
      payload text NOT NULL,
      pushed_by name NOT NULL DEFAULT current_user,
      PRIMARY KEY (session_id, seq)
    );
    CREATE TABLE peerconsult.groups (
      id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
      programme_id uuid NOT NULL REFERENCES peerconsult.programmes,
      last_seq integer NOT NULL CHECK (last_seq >= 1),
      created_by name NOT NULL DEFAULT current_user,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE peerconsult.group_events (
      group_id text NOT NULL REFERENCES peerconsult.groups ON DELETE CASCADE,
      seq integer NOT NULL CHECK (seq >= 1),
      at bigint NOT NULL,
      type text NOT NULL,
      payload text NOT NULL,
      pushed_by name NOT NULL DEFAULT current_user,
      PRIMARY KEY (group_id, seq)
    );
    -- Harvests a facilitator publishes for readers: anonymised, after the review step.
    CREATE TABLE peerconsult.published_harvests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES peerconsult.programmes ON DELETE CASCADE,
      anonymised boolean NOT NULL CHECK (anonymised),
      body text NOT NULL,
      published_by name NOT NULL DEFAULT current_user,
      published_at timestamptz NOT NULL DEFAULT now()
    );

    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'peerconsult_facilitator') THEN
        CREATE ROLE peerconsult_facilitator NOLOGIN;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'peerconsult_reader') THEN
        CREATE ROLE peerconsult_reader NOLOGIN;
      END IF;
    END $$;

    GRANT USAGE ON SCHEMA peerconsult TO peerconsult_facilitator, peerconsult_reader;
    GRANT SELECT ON peerconsult.store_schema, peerconsult.programmes, peerconsult.grants
      TO peerconsult_facilitator, peerconsult_reader;
    GRANT SELECT, INSERT, UPDATE, DELETE ON peerconsult.sessions, peerconsult.groups
      TO peerconsult_facilitator;
    GRANT SELECT, INSERT, DELETE ON peerconsult.session_events, peerconsult.group_events
      TO peerconsult_facilitator;
    GRANT SELECT, INSERT ON peerconsult.published_harvests TO peerconsult_facilitator;
    GRANT SELECT ON peerconsult.published_harvests TO peerconsult_reader;

    ALTER TABLE peerconsult.programmes ENABLE ROW LEVEL SECURITY;
    ALTER TABLE peerconsult.grants ENABLE ROW LEVEL SECURITY;
    ALTER TABLE peerconsult.sessions ENABLE ROW LEVEL SECURITY;
    ALTER TABLE peerconsult.session_events ENABLE ROW LEVEL SECURITY;
    ALTER TABLE peerconsult.groups ENABLE ROW LEVEL SECURITY;
    ALTER TABLE peerconsult.group_events ENABLE ROW LEVEL SECURITY;
    ALTER TABLE peerconsult.published_harvests ENABLE ROW LEVEL SECURITY;

    -- A login sees its own grants, and through them its programmes.
    CREATE POLICY own_grants ON peerconsult.grants FOR SELECT
      TO peerconsult_facilitator, peerconsult_reader USING (login = current_user);
    CREATE POLICY granted_programmes ON peerconsult.programmes FOR SELECT
      TO peerconsult_facilitator, peerconsult_reader
      USING (id IN (SELECT programme_id FROM peerconsult.grants WHERE login = current_user));
    CREATE POLICY granted_sessions ON peerconsult.sessions FOR ALL TO peerconsult_facilitator
      USING (programme_id IN (SELECT programme_id FROM peerconsult.grants WHERE login = current_user))
      WITH CHECK (programme_id IN (SELECT programme_id FROM peerconsult.grants WHERE login = current_user));
    CREATE POLICY granted_session_events ON peerconsult.session_events FOR ALL
      TO peerconsult_facilitator
      USING (session_id IN (SELECT id FROM peerconsult.sessions))
      WITH CHECK (session_id IN (SELECT id FROM peerconsult.sessions));
    CREATE POLICY granted_groups ON peerconsult.groups FOR ALL TO peerconsult_facilitator
      USING (programme_id IN (SELECT programme_id FROM peerconsult.grants WHERE login = current_user))
      WITH CHECK (programme_id IN (SELECT programme_id FROM peerconsult.grants WHERE login = current_user));
    CREATE POLICY granted_group_events ON peerconsult.group_events FOR ALL
      TO peerconsult_facilitator
      USING (group_id IN (SELECT id FROM peerconsult.groups))
      WITH CHECK (group_id IN (SELECT id FROM peerconsult.groups));
    CREATE POLICY granted_harvests ON peerconsult.published_harvests FOR ALL
      TO peerconsult_facilitator, peerconsult_reader
      USING (programme_id IN (SELECT programme_id FROM peerconsult.grants WHERE login = current_user))
      WITH CHECK (programme_id IN (SELECT programme_id FROM peerconsult.grants WHERE login = current_user));
    """,
    // A room display on another machine (`follow --store`) listens on its session's channel:
    // each statement that adds or removes a session's events notifies it once, with the
    // highest sequence number concerned. The notice names only the session and a number;
    // what it holds is read through row-level security.
    """
    CREATE FUNCTION peerconsult.notify_session_events() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('peerconsult_session_' || session_id, max(seq)::text)
        FROM changed GROUP BY session_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER session_events_notify_insert AFTER INSERT ON peerconsult.session_events
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
      EXECUTE FUNCTION peerconsult.notify_session_events();
    CREATE TRIGGER session_events_notify_delete AFTER DELETE ON peerconsult.session_events
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
      EXECUTE FUNCTION peerconsult.notify_session_events();
    """,
    StoreLease.migration,
  ]

  /// The schema version the server holds: 0 when it has none.
  static func version(on connection: StoreConnection) async throws(StoreSetupError) -> Int {
    // Two steps: a query naming a table that does not exist fails as a whole.
    let exists = try await connection.rows(
      "SELECT to_regclass('peerconsult.store_schema') IS NOT NULL")
    do {
      for try await (found, ) in exists.decode((Bool,).self) where !found { return 0 }
      let rows = try await connection.rows(
        "SELECT coalesce(max(version), 0) FROM peerconsult.store_schema")
      for try await (version, ) in rows.decode((Int,).self) { return version }
    } catch let error as StoreSetupError {
      throw error
    } catch {
      throw StoreConnection.describe(error, at: connection.address, hadPassword: true)
    }
    return 0
  }

  /// Brings the server's schema up to ``version``; returns the version it was at. Refuses,
  /// changing nothing, a schema newer than this PeerConsult's. Each migration runs in its own
  /// transaction under an advisory lock, so two `init`s at once take turns.
  static func migrate(_ connection: StoreConnection) async throws(StoreSetupError) -> Int {
    try await connection.transaction { () async throws(StoreSetupError) -> Int in
      try await connection.run("SELECT pg_advisory_xact_lock(5043535453)")
      let found = try await version(on: connection)
      guard found <= version else {
        throw .serverSchemaNewer(found: found, supported: version)
      }
      for (index, sql) in migrations.enumerated() where index + 1 > found {
        for statement in statements(of: sql) {
          try await connection.run(PostgresQuery(unsafeSQL: statement))
        }
        try await connection.run(
          """
          INSERT INTO peerconsult.store_schema (version, written_by)
          VALUES (\(index + 1), \(PeerConsultVersion.current))
          """)
      }
      return found
    }
  }

  /// The statements of a migration, one by one (the extended protocol takes one at a time):
  /// comment lines left out, split at each `;` outside quotes and `$$` bodies.
  static func statements(of sql: String) -> [String] {
    var statements: [String] = []
    var current = ""
    var inQuote = false
    var inBody = false
    var previous: Character = " "
    let code = sql.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
      .joined(separator: "\n")
    for character in code {
      current.append(character)
      if character == "'" && !inBody { inQuote.toggle() }
      if character == "$" && previous == "$" && !inQuote { inBody.toggle() }
      if character == ";" && !inQuote && !inBody {
        statements.append(current)
        current = ""
      }
      previous = character
    }
    statements.append(current)
    return statements.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
  }

  /// Refuses a server without the schema or with a newer one.
  static func check(_ connection: StoreConnection, store: String) async throws(StoreSetupError) {
    let found = try await version(on: connection)
    if found == 0 { throw .notInitialised(store: store) }
    if found > version { throw .serverSchemaNewer(found: found, supported: version) }
  }

  /// The statements an administrator runs (in `psql`, as the owner) to let a person in.
  public static func grantStatements(programme: String = "Programme name") -> String {
    let name = programme.replacingOccurrences(of: "'", with: "''")
    return """
      -- A facilitator: reads and writes the sessions and groups of the programmes granted.
      CREATE ROLE alice LOGIN;
      \\password alice
      GRANT \(facilitatorRole) TO alice;
      INSERT INTO peerconsult.programmes (name) VALUES ('\(name)') ON CONFLICT (name) DO NOTHING;
      INSERT INTO peerconsult.grants (login, programme_id)
        SELECT 'alice', id FROM peerconsult.programmes WHERE name = '\(name)';
      -- A reader: reads only the anonymised harvests published for the programmes granted.
      CREATE ROLE bob LOGIN;
      \\password bob
      GRANT \(readerRole) TO bob;
      INSERT INTO peerconsult.grants (login, programme_id)
        SELECT 'bob', id FROM peerconsult.programmes WHERE name = '\(name)';
      """
  }
}
