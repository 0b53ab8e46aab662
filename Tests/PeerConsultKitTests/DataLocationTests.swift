import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct DataLocationTests {
  @Test func explicitFolderWins() {
    let env = ["HOME": "/home/a", "PEERCONSULT_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg"]
    #expect(DataLocation.resolve(dataDir: "/flag", environment: env).dataDirectory.path == "/flag")
  }

  @Test func environmentThenXDGThenHome() {
    #expect(
      DataLocation.resolve(
        dataDir: nil, environment: ["HOME": "/h", "PEERCONSULT_DATA_DIR": "/env"]
      )
      .dataDirectory.path == "/env")
    #expect(
      DataLocation.resolve(dataDir: nil, environment: ["HOME": "/h", "XDG_DATA_HOME": "/x"])
        .dataDirectory.path == "/x/peerconsult")
    let plain = DataLocation.resolve(dataDir: nil, environment: ["HOME": "/h"])
    #expect(plain.dataDirectory.path == "/h/.local/share/peerconsult")
    #expect(plain.protocolsDirectory.path == "/h/.config/peerconsult/protocols")
  }

  @Test func configFolderFollowsXDG() {
    let loc = DataLocation.resolve(
      dataDir: nil, environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/c"])
    #expect(loc.protocolsDirectory.path == "/c/peerconsult/protocols")
  }

  /// The way back to a session names the data folder when the command would not find it by
  /// itself, quoted for the shell where it needs to be.
  @Test func aCommandToComeBackNamesAFolderTheCommandWouldNotFind() {
    let environment = ["HOME": "/home/zoe", "PEERCONSULT_DATA_DIR": "/srv/pc"]
    let found = DataLocation.resolve(dataDir: nil, environment: environment)
    #expect(found.command("resume 0123", environment: environment) == "peerconsult resume 0123")
    let given = DataLocation.resolve(dataDir: "/tmp/walk/data", environment: environment)
    #expect(
      given.command("resume 0123", environment: environment)
        == "peerconsult resume 0123 --data-dir /tmp/walk/data")
    let spaced = DataLocation.resolve(dataDir: "/tmp/Zoë's data", environment: environment)
    #expect(
      spaced.command("resume 0123", environment: environment)
        == "peerconsult resume 0123 --data-dir '/tmp/Zoë'\\''s data'")
    // A control character is spelt out, not printed.
    let escaping = DataLocation.resolve(dataDir: "/tmp/a\u{1B}[2J", environment: environment)
    #expect(
      escaping.command("resume 0123", environment: environment)
        == "peerconsult resume 0123 --data-dir '/tmp/a<U+001B>[2J'")
    // The same folder given by name is the one found.
    let same = DataLocation.resolve(dataDir: "/srv/pc/", environment: environment)
    #expect(same.command("resume 0123", environment: environment) == "peerconsult resume 0123")
  }
}
