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
      DataLocation.resolve(dataDir: nil, environment: ["HOME": "/h", "PEERCONSULT_DATA_DIR": "/env"])
        .dataDirectory.path == "/env")
    #expect(
      DataLocation.resolve(dataDir: nil, environment: ["HOME": "/h", "XDG_DATA_HOME": "/x"])
        .dataDirectory.path == "/x/peerconsult")
    let plain = DataLocation.resolve(dataDir: nil, environment: ["HOME": "/h"])
    #expect(plain.dataDirectory.path == "/h/.local/share/peerconsult")
    #expect(plain.protocolsDirectory.path == "/h/.config/peerconsult/protocols")
  }

  @Test func configFolderFollowsXDG() {
    let loc = DataLocation.resolve(dataDir: nil, environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/c"])
    #expect(loc.protocolsDirectory.path == "/c/peerconsult/protocols")
  }
}
