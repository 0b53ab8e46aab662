import Foundation
import Testing
import TextLayout

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
    // A control character is written as the shell reads it back, not printed: spelt out as
    // `<U+001B>`, the line pasted named another folder.
    let path = "/tmp/a\u{1B}[2J it's\\\n\u{202E}"
    let escaping = DataLocation.resolve(dataDir: path, environment: environment)
    let line = escaping.command("resume 0123", environment: environment)
    #expect(line == #"peerconsult resume 0123 --data-dir $'/tmp/a\x1B[2J it\'s\\\x0A\u202E'"#)
    #expect(!line.unicodeScalars.contains(where: ControlCharacters.isControl))
    // Pasted into bash, the word is the folder.
    if FileManager.default.isExecutableFile(atPath: "/bin/bash") {
      let bash = Process()
      bash.executableURL = URL(fileURLWithPath: "/bin/bash")
      let word = String(line.split(separator: " ", maxSplits: 4).last!)
      bash.arguments = ["-c", "printf %s \(word)"]
      let out = Pipe()
      bash.standardOutput = out
      try? bash.run()
      bash.waitUntilExit()
      let read = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      #expect(read == path)
    }
    // The same folder given by name is the one found.
    let same = DataLocation.resolve(dataDir: "/srv/pc/", environment: environment)
    #expect(same.command("resume 0123", environment: environment) == "peerconsult resume 0123")
  }
}
